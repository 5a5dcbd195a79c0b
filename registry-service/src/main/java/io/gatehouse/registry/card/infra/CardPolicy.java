package io.gatehouse.registry.card.infra;

import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.approval.PolicyPublished;
import io.gatehouse.contracts.registry.CardRequirements;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import io.gatehouse.registry.model.infra.RegistryProperties;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * The model card sections each risk tier requires, from the latest version of the policy
 * ({@code gatehouse.registry.policy}, default {@code default}) consumed as {@code PolicyPublished} from
 * approval-service: its tiers' {@code card.required_sections}, the default of {@link CardRequirements}
 * where a tier has none. Kept in table {@code card_policy} in the consumer's transaction (the platform's
 * inbox records the event id in the same transaction, so each event takes effect once); an older
 * version arriving late changes nothing. Before any was consumed, the defaults apply.
 */
@Component
public class CardPolicy implements EventConsumer {

  private static final Set<String> ACCEPTED = EventCatalog.typesOf(PolicyPublished.class);

  /** The requirements in force and where they come from ({@code default v3}, or {@code built-in default}). */
  public record InForce(String source, CardRequirements requirements) {

    /** The sections the tier requires that the card leaves empty, in card order. */
    public List<String> missing(ModelCard card, String tier) {
      return CardRequirements.missing(card, required(tier));
    }

    /** The sections a tier requires; a tier the policy does not know requires every section. */
    public List<String> required(String tier) {
      return CardRequirements.TIERS.contains(tier) ? requirements.forTier(tier) : CardRequirements.SECTIONS;
    }
  }

  private static final InForce BUILT_IN = new InForce("built-in default", CardRequirements.defaults());

  private final JdbcTemplate jdbc;
  private final String policy;

  public CardPolicy(JdbcTemplate jdbc, RegistryProperties properties) {
    this.jdbc = jdbc;
    this.policy = properties.getPolicy();
  }

  @Override
  public boolean accepts(String type) {
    return ACCEPTED.contains(type);
  }

  @Override
  public void consume(ConsumedEvent event) {
    if (event.payload() instanceof PolicyPublished p && policy.equals(p.policyName())) {
      record(p, event.id());
    }
  }

  /** Keeps the card requirements of a published version unless a later version is kept already. */
  public void record(PolicyPublished p, String eventId) {
    CardRequirements requirements = CardRequirements.fromPolicy(parse(p.document()));
    jdbc.update("""
        INSERT INTO card_policy (policy_name, policy_version, required_sections, event_id, published_at)
        VALUES (?, ?, ?::jsonb, ?, ?)
        ON CONFLICT (policy_name) DO UPDATE SET policy_version = EXCLUDED.policy_version,
          required_sections = EXCLUDED.required_sections, event_id = EXCLUDED.event_id,
          published_at = EXCLUDED.published_at
        WHERE card_policy.policy_version < EXCLUDED.policy_version""",
        p.policyName(), p.policyVersion(), EventJson.mapper().writeValueAsString(requirements.asMap()), eventId,
        Timestamp.from(p.publishedAt()));
  }

  public InForce current() {
    return jdbc.query("SELECT policy_version, required_sections FROM card_policy WHERE policy_name = ?",
        (rs, i) -> new InForce(policy + " v" + rs.getInt(1), CardRequirements.of(EventJson.mapper().readValue(
            rs.getString(2), new TypeReference<Map<String, List<String>>>() {}))), policy)
        .stream().findFirst().orElse(BUILT_IN);
  }

  private static Map<?, ?> parse(String yaml) {
    Object root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10)
        .build()).loadFromString(yaml);
    if (!(root instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("a policy document is a mapping with policy, version and tiers");
    }
    return m;
  }
}
