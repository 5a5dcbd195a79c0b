package io.gatehouse.monitoring.policy.infra;

import io.gatehouse.monitoring.drift.domain.DriftThresholds;
import io.gatehouse.monitoring.drift.domain.Statistic;
import io.gatehouse.monitoring.drift.domain.Thresholds;
import io.gatehouse.monitoring.drift.domain.WindowSpec;
import io.gatehouse.monitoring.drift.infra.VersionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The drift levels (warn and act per statistic) of a tier under a policy version. Policy documents
 * come from approval-service's {@code PolicyPublished} (kept in {@code policy_document}); the shipped
 * default ({@code policies/default.yaml}, the same document approval-service publishes as
 * {@code default} version 1 on its first start) is known from the start. Only each tier's
 * {@code drift} section is read (levels and window size); approval-service checks the rest when it
 * publishes.
 */
@Component
public class DriftLevels {

  private static final Logger log = LoggerFactory.getLogger(DriftLevels.class);
  public static final String DEFAULT_POLICY = "default";

  private final JdbcTemplate jdbc;
  private final String shipped;
  private final Map<String, Map<String, TierDrift>> parsed = new ConcurrentHashMap<>();

  public DriftLevels(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    try (InputStream in = new ClassPathResource("policies/default.yaml").getInputStream()) {
      this.shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps a published policy document (a redelivery changes nothing). */
  public void store(String policyName, int policyVersion, String document) {
    jdbc.update("INSERT INTO policy_document (policy_name, policy_version, document) VALUES (?, ?, ?) "
        + "ON CONFLICT DO NOTHING", policyName, policyVersion, document);
  }

  /**
   * The levels for a version: its case's policy version when known, else the latest known version of
   * the default policy (the one its case will open under), else the shipped default; the default
   * policy's levels for a tier the document does not name, and the fallback levels for an unknown tier.
   */
  public DriftThresholds of(String policyName, Integer policyVersion, String tier) {
    TierDrift t = tierDrift(policyName, policyVersion, tier);
    return t != null ? t.levels() : DriftThresholds.FALLBACK;
  }

  /**
   * The window size the policy in force (chosen as for {@link #of}) sets for the tier
   * ({@code tiers.<TIER>.drift.window}), or null when it sets none: the configured window applies.
   */
  public VersionConfig.PolicyWindow windowOf(String policyName, Integer policyVersion, String tier) {
    TierDrift t = tierDrift(policyName, policyVersion, tier);
    return t == null ? null : t.window();
  }

  /** A tier's drift section: its levels, and its window size (null when it sets none). */
  record TierDrift(DriftThresholds levels, VersionConfig.PolicyWindow window) {}

  private TierDrift tierDrift(String policyName, Integer policyVersion, String tier) {
    String document = null;
    String key;
    if (policyName != null && policyVersion != null) {
      document = document(policyName, policyVersion).orElse(null);
      key = policyName + "/" + policyVersion;
      if (document == null) {
        log.warn("Policy {} version {} is not known yet; judging drift by the latest default policy", policyName,
            policyVersion);
      }
    } else {
      key = null;
    }
    if (document == null) {
      List<Map<String, Object>> latest = jdbc.queryForList("SELECT policy_version, document FROM policy_document "
          + "WHERE policy_name = ? ORDER BY policy_version DESC LIMIT 1", DEFAULT_POLICY);
      if (latest.isEmpty()) {
        document = shipped;
        key = "shipped";
      } else {
        document = (String) latest.get(0).get("document");
        key = DEFAULT_POLICY + "/" + latest.get(0).get("policy_version");
      }
    }
    String doc = document;
    Map<String, TierDrift> tiers = parsed.computeIfAbsent(key, k -> parse(doc));
    return tier == null ? null : tiers.get(tier);
  }

  private Optional<String> document(String name, int version) {
    if (DEFAULT_POLICY.equals(name) && version == 1) {
      List<String> stored = jdbc.queryForList("SELECT document FROM policy_document WHERE policy_name = ? AND "
          + "policy_version = ?", String.class, name, version);
      return Optional.of(stored.isEmpty() ? shipped : stored.get(0));
    }
    return jdbc.queryForList("SELECT document FROM policy_document WHERE policy_name = ? AND policy_version = ?",
        String.class, name, version).stream().findFirst();
  }

  /** Each tier's drift levels and window in a policy document; a malformed section counts as absent. */
  static Map<String, TierDrift> parse(String document) {
    Map<String, TierDrift> out = new ConcurrentHashMap<>();
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      root = new Yaml(new SafeConstructor(options)).load(document);
    } catch (RuntimeException e) {
      log.warn("A policy document is not readable YAML; using the default drift levels", e);
      return out;
    }
    if (!(root instanceof Map<?, ?> top) || !(top.get("tiers") instanceof Map<?, ?> tiers)) {
      return out;
    }
    for (Map.Entry<?, ?> tier : tiers.entrySet()) {
      if (!(tier.getValue() instanceof Map<?, ?> t) || !(t.get("drift") instanceof Map<?, ?> drift)) {
        continue;
      }
      Map<Statistic, Thresholds> levels = new EnumMap<>(Statistic.class);
      for (Statistic s : Statistic.values()) {
        if (drift.get(s.policyKey()) instanceof Map<?, ?> wa && wa.get("warn") instanceof Number w
            && wa.get("act") instanceof Number a) {
          try {
            levels.put(s, new Thresholds(w.doubleValue(), a.doubleValue()));
          } catch (IllegalArgumentException e) {
            log.warn("Tier {}: drift levels of {} are unusable: {}", tier.getKey(), s, e.getMessage());
          }
        }
      }
      out.put(String.valueOf(tier.getKey()), new TierDrift(new DriftThresholds(levels), window(tier.getKey(), drift)));
    }
    return out;
  }

  /** {@code window: {duration: PT15M, observations: 10000}}; null when absent or unusable. */
  private static VersionConfig.PolicyWindow window(Object tier, Map<?, ?> drift) {
    if (!(drift.get("window") instanceof Map<?, ?> w)) {
      return null;
    }
    try {
      String duration = w.get("duration") == null ? null : String.valueOf(w.get("duration"));
      long observations = w.get("observations") instanceof Number n ? n.longValue() : 0;
      // the same checks as the engine's window (and approval-service's when it published the policy)
      new WindowSpec(duration == null ? null : Duration.parse(duration), observations, null);
      return new VersionConfig.PolicyWindow(duration, observations);
    } catch (RuntimeException e) {
      log.warn("Tier {}: the drift window is unusable ({}); the configured window applies", tier, e.getMessage());
      return null;
    }
  }
}
