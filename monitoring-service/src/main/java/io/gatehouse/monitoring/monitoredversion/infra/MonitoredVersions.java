package io.gatehouse.monitoring.monitoredversion.infra;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.monitoring.monitoredversion.api.PolicyDocumentNoted;
import io.gatehouse.monitoring.monitoredversion.api.ReferenceProfileSet;
import io.gatehouse.monitoring.monitoredversion.api.ValidationFiguresNoted;
import io.gatehouse.monitoring.monitoredversion.api.VersionNoted;
import io.gatehouse.monitoring.monitoredversion.domain.MonitoredVersionIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * The read model {@code monitored_version}: what monitoring knows of each version. A subscribing
 * processor: the row changes in the transaction of the command, so the next read sees it.
 */
@Component
@ProcessingGroup(MonitoredVersions.PROCESSING_GROUP)
public class MonitoredVersions {

  public static final String PROCESSING_GROUP = "monitored-versions";

  /** A row of the read model. */
  public record Row(String modelName, int version, String riskTier, String policyName, Integer policyVersion,
      List<FeatureHistogram> profile, String profileSource, String profileSetBy, Instant profileSetAt,
      Map<String, Double> baseline, long revision) {}

  private final JdbcTemplate jdbc;

  public MonitoredVersions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(VersionNoted e) {
    jdbc.update("""
        INSERT INTO monitored_version (model_name, version, risk_tier, policy_name, policy_version, revision)
        VALUES (?, ?, ?, ?, ?, 1)
        ON CONFLICT (model_name, version) DO UPDATE SET risk_tier = EXCLUDED.risk_tier,
          policy_name = EXCLUDED.policy_name, policy_version = EXCLUDED.policy_version,
          revision = monitored_version.revision + 1""",
        e.modelName(), e.version(), e.riskTier(), e.policyName(), e.policyVersion());
  }

  @EventHandler
  void on(ReferenceProfileSet e) {
    jdbc.update("""
        UPDATE monitored_version SET profile = ?, profile_source = ?, profile_set_by = ?, profile_set_at = ?,
          revision = revision + 1 WHERE model_name = ? AND version = ?""",
        EventJson.mapper().writeValueAsString(e.profile()), e.source(), e.setBy(), Timestamp.from(e.at()),
        e.modelName(), e.version());
  }

  @EventHandler
  void on(ValidationFiguresNoted e) {
    Map<String, Double> baseline = find(e.modelName(), e.version()).map(Row::baseline).orElse(Map.of());
    Map<String, Double> merged = new LinkedHashMap<>(baseline);
    e.figures().forEach(v -> merged.put(v.name(), v.value()));
    List<ObservedValue> list = new ArrayList<>();
    merged.forEach((k, v) -> list.add(new ObservedValue(k, v)));
    jdbc.update("UPDATE monitored_version SET baseline = ?, revision = revision + 1 WHERE model_name = ? AND version = ?",
        EventJson.mapper().writeValueAsString(list), e.modelName(), e.version());
  }

  @EventHandler
  void on(PolicyDocumentNoted e) {
    jdbc.update("UPDATE monitored_version SET revision = revision + 1 WHERE model_name = ? AND version = ?",
        e.modelName(), e.version());
  }

  @ResetHandler
  void reset() {
    jdbc.update("DELETE FROM monitored_version");
  }

  public Optional<Row> find(String modelName, int version) {
    return jdbc.query("""
        SELECT model_name, version, risk_tier, policy_name, policy_version, profile, profile_source, profile_set_by,
          profile_set_at, baseline, revision FROM monitored_version WHERE model_name = ? AND version = ?""",
        (rs, i) -> {
          List<FeatureHistogram> profile = EventJson.mapper().readValue(rs.getString(6),
              new TypeReference<List<FeatureHistogram>>() {});
          List<ObservedValue> baseline = EventJson.mapper().readValue(rs.getString(10),
              new TypeReference<List<ObservedValue>>() {});
          Map<String, Double> b = new LinkedHashMap<>();
          baseline.forEach(v -> b.put(v.name(), v.value()));
          Timestamp at = rs.getTimestamp(9);
          return new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
              (Integer) rs.getObject(5), profile, rs.getString(7), rs.getString(8), at == null ? null : at.toInstant(), b,
              rs.getLong(11));
        }, modelName, version).stream().findFirst();
  }

  /**
   * The versions a newly known policy document may be in force for: those whose case opened under it,
   * and, for the default policy, those without a case yet (the latest default applies to them).
   */
  public List<String> idsUnder(String policyName, int policyVersion, String defaultPolicy) {
    return jdbc.query("""
        SELECT model_name, version FROM monitored_version
        WHERE (policy_name = ? AND policy_version = ?) OR (policy_name IS NULL AND ? = ?)
        ORDER BY model_name, version""",
        (rs, i) -> MonitoredVersionIds.of(rs.getString(1), rs.getInt(2)), policyName, policyVersion, policyName,
        defaultPolicy);
  }

  public boolean exists(String modelName, int version) {
    Integer n = jdbc.queryForObject("SELECT count(*) FROM monitored_version WHERE model_name = ? AND version = ?",
        Integer.class, modelName, version);
    return n != null && n > 0;
  }
}
