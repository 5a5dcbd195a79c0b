package io.gatehouse.registry.modelview;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.registry.ModelAliasDeleted;
import io.gatehouse.contracts.registry.ModelAliasSet;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.ModelCardUpdated;
import io.gatehouse.contracts.registry.ModelDeleted;
import io.gatehouse.contracts.registry.ModelDescriptionUpdated;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.ModelRenamed;
import io.gatehouse.contracts.registry.ModelTagDeleted;
import io.gatehouse.contracts.registry.ModelTagSet;
import io.gatehouse.contracts.registry.ModelVersionCreated;
import io.gatehouse.contracts.registry.ModelVersionDeleted;
import io.gatehouse.contracts.registry.ModelVersionDescriptionUpdated;
import io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet;
import io.gatehouse.contracts.registry.ModelVersionLineageSet;
import io.gatehouse.contracts.registry.ModelVersionRetired;
import io.gatehouse.contracts.registry.ModelVersionStageTransitioned;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.registry.ModelVersionTagDeleted;
import io.gatehouse.contracts.registry.ModelVersionTagSet;
import io.gatehouse.contracts.registry.RiskTierAssigned;
import io.gatehouse.contracts.registry.Tag;
import io.gatehouse.registry.model.api.ModelCarriedOver;
import io.gatehouse.registry.card.infra.CardPolicy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code registered_model_view}, {@code model_version_view} and {@code model_card_revision} from
 * the registry's events. One segment, so a model's and its versions' events apply in the order they
 * were stored. A reset empties the tables; replay rebuilds them.
 */
@Component
@ProcessingGroup(RegistryViewProjection.PROCESSING_GROUP)
public class RegistryViewProjection {

  public static final String PROCESSING_GROUP = "registry-view";

  private final JdbcTemplate jdbc;
  private final JsonMapper json = EventJson.mapper();
  private final CardPolicy cardPolicy;

  public RegistryViewProjection(JdbcTemplate jdbc, CardPolicy cardPolicy) {
    this.jdbc = jdbc;
    this.cardPolicy = cardPolicy;
  }

  @EventHandler
  void on(ModelRegistered e, @org.axonframework.eventhandling.Timestamp Instant at) {
    insertModel(e.modelName(), e.description(), e.ownerTeam(), json.writeValueAsString(e.riskProfile()),
        e.riskTier(), e.tags(), e.registeredBy(), e.registeredAt(), at);
  }

  @EventHandler
  void on(ModelCarriedOver e, @org.axonframework.eventhandling.Timestamp Instant at) {
    insertModel(e.modelName(), e.description(), e.ownerTeam(), json.writeValueAsString(e.riskProfile()),
        e.riskTier(), e.tags(), e.registeredBy(), e.registeredAt(), at);
  }

  private void insertModel(String name, String description, String owner, String profile, String tier, List<Tag> tags,
      String by, Instant createdAt, Instant at) {
    jdbc.update("""
        INSERT INTO registered_model_view (name, description, owner_team, risk_profile, risk_tier, tags, aliases,
          created_by, created_at, updated_at) VALUES (?, ?, ?, ?::jsonb, ?, ?::jsonb, '{}', ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description, owner_team = EXCLUDED.owner_team,
          risk_profile = EXCLUDED.risk_profile, risk_tier = EXCLUDED.risk_tier, tags = EXCLUDED.tags, aliases = '{}',
          created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at""",
        name, description, owner, profile, tier, tagsJson(tags), by, ts(createdAt), ts(at));
  }

  @EventHandler
  void on(RiskTierAssigned e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateModel(e.modelName(), at, "risk_tier = ?", e.riskTier());
  }

  @EventHandler
  void on(ModelDescriptionUpdated e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateModel(e.modelName(), at, "description = ?", e.description());
  }

  @EventHandler
  void on(ModelTagSet e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateModel(e.modelName(), at, "tags = tags || jsonb_build_object(?::text, ?::text)", e.key(), e.value());
  }

  @EventHandler
  void on(ModelTagDeleted e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateModel(e.modelName(), at, "tags = tags - ?::text", e.key());
  }

  @EventHandler
  void on(ModelAliasSet e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateModel(e.modelName(), at, "aliases = aliases || jsonb_build_object(?::text, ?::int)", e.alias(), e.version());
  }

  @EventHandler
  void on(ModelAliasDeleted e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateModel(e.modelName(), at, "aliases = aliases - ?::text", e.alias());
  }

  @EventHandler
  void on(ModelRenamed e) {
    deleteModel(e.modelName());
  }

  @EventHandler
  void on(ModelDeleted e) {
    deleteModel(e.modelName());
  }

  private void deleteModel(String name) {
    jdbc.update("DELETE FROM model_card_revision WHERE model_name = ?", name);
    jdbc.update("DELETE FROM model_version_view WHERE model_name = ?", name);
    jdbc.update("DELETE FROM registered_model_view WHERE name = ?", name);
  }

  @EventHandler
  void on(ModelVersionCreated e, @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.update("""
        INSERT INTO model_version_view (model_name, version, source, run_id, run_link, description, tags, status,
          created_by, created_at, updated_at, missing_sections)
        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, 'AWAITING_DIGEST', ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING""",
        e.modelName(), e.version(), e.source(), e.runId(), e.runLink(), e.description(), tagsJson(e.tags()),
        e.createdBy(), ts(e.createdAt()), ts(at), json.writeValueAsString(missing(null, tierOf(e.modelName()))));
    touchModel(e.modelName(), at);
  }

  @EventHandler
  void on(ModelVersionSubmitted e, @org.axonframework.eventhandling.Timestamp Instant at) {
    ModelCard card = e.modelCard();
    String missing = json.writeValueAsString(missing(card, e.riskTier()));
    jdbc.update("""
        INSERT INTO model_version_view (model_name, version, source, tags, status, artifact_sha256, artifact_size,
          submitted_by, authors, card, card_revision, missing_sections, lineage, evaluation_data, created_by,
          created_at, updated_at)
        VALUES (?, ?, ?, '{}', 'SUBMITTED', ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?)
        ON CONFLICT (model_name, version) DO UPDATE SET status = 'SUBMITTED',
          artifact_sha256 = EXCLUDED.artifact_sha256, artifact_size = EXCLUDED.artifact_size,
          submitted_by = EXCLUDED.submitted_by, authors = EXCLUDED.authors, lineage = EXCLUDED.lineage,
          evaluation_data = EXCLUDED.evaluation_data, updated_at = EXCLUDED.updated_at""",
        e.modelName(), e.version(), e.artifact().uri(), e.artifact().sha256(), e.artifact().sizeBytes(),
        e.submittedBy(), json.writeValueAsString(e.authors()), card == null ? null : json.writeValueAsString(card),
        card == null ? 0 : 1, missing, jsonOrNull(e.lineage()),
        jsonOrNull(e.evaluationData()), e.submittedBy(), ts(e.submittedAt()), ts(at));
    if (card != null) {
      jdbc.update("""
          INSERT INTO model_card_revision (model_name, version, revision, card, missing_sections, updated_by, updated_at)
          VALUES (?, ?, 1, ?::jsonb, ?::jsonb, ?, ?) ON CONFLICT DO NOTHING""",
          e.modelName(), e.version(), json.writeValueAsString(card), missing, e.submittedBy(), ts(e.submittedAt()));
    }
    touchModel(e.modelName(), at);
  }

  @EventHandler
  void on(ModelCardUpdated e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateVersion(e.modelName(), e.version(), at, "card = ?::jsonb, card_revision = ?, missing_sections = ?::jsonb",
        json.writeValueAsString(e.modelCard()), e.cardRevision(), json.writeValueAsString(e.missingSections()));
    jdbc.update("""
        INSERT INTO model_card_revision (model_name, version, revision, card, missing_sections, updated_by, updated_at)
        VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) ON CONFLICT DO NOTHING""",
        e.modelName(), e.version(), e.cardRevision(), json.writeValueAsString(e.modelCard()),
        json.writeValueAsString(e.missingSections()), e.updatedBy(), ts(e.updatedAt()));
  }

  @EventHandler
  void on(ModelVersionEvaluationDataSet e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateVersion(e.modelName(), e.version(), at, "evaluation_data = ?::jsonb",
        json.writeValueAsString(e.evaluationData()));
  }

  @EventHandler
  void on(ModelVersionLineageSet e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateVersion(e.modelName(), e.version(), at, "lineage = ?::jsonb", json.writeValueAsString(e.lineage()));
  }

  /**
   * The sections missing from a card as submitted (a card update carries its own list): counted against
   * the tier's required sections of the policy in force when the event is handled, so a replay after a
   * policy change counts them under the new policy.
   */
  private List<String> missing(ModelCard card, String tier) {
    return cardPolicy.current().missing(card, tier);
  }

  private String tierOf(String modelName) {
    return jdbc.query("SELECT risk_tier FROM registered_model_view WHERE name = ?", (rs, i) -> rs.getString(1),
        modelName).stream().findFirst().orElse("CRITICAL");
  }

  @EventHandler
  void on(ModelVersionDescriptionUpdated e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateVersion(e.modelName(), e.version(), at, "description = ?", e.description());
  }

  @EventHandler
  void on(ModelVersionTagSet e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateVersion(e.modelName(), e.version(), at, "tags = tags || jsonb_build_object(?::text, ?::text)", e.key(),
        e.value());
  }

  @EventHandler
  void on(ModelVersionTagDeleted e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateVersion(e.modelName(), e.version(), at, "tags = tags - ?::text", e.key());
  }

  @EventHandler
  void on(ModelVersionStageTransitioned e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateVersion(e.modelName(), e.version(), at, "current_stage = ?", e.toStage());
    touchModel(e.modelName(), at);
  }

  @EventHandler
  void on(ModelVersionRetired e, @org.axonframework.eventhandling.Timestamp Instant at) {
    updateVersion(e.modelName(), e.version(), at, "retired = TRUE, retired_reason = ?", e.reason());
  }

  @EventHandler
  void on(ModelVersionDeleted e, @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.update("DELETE FROM model_card_revision WHERE model_name = ? AND version = ?", e.modelName(), e.version());
    jdbc.update("DELETE FROM model_version_view WHERE model_name = ? AND version = ?", e.modelName(), e.version());
    touchModel(e.modelName(), at);
  }

  @ResetHandler
  void reset() {
    jdbc.update("DELETE FROM model_card_revision");
    jdbc.update("DELETE FROM model_version_view");
    jdbc.update("DELETE FROM registered_model_view");
  }

  /** Sets {@code assignments} (with their {@code values}) and {@code updated_at} on the model's row. */
  private void updateModel(String name, Instant at, String assignments, Object... values) {
    jdbc.update("UPDATE registered_model_view SET " + assignments + ", updated_at = ? WHERE name = ?",
        followedBy(values, ts(at), name));
  }

  /** Sets {@code assignments} (with their {@code values}) and {@code updated_at} on the version's row. */
  private void updateVersion(String modelName, int version, Instant at, String assignments, Object... values) {
    jdbc.update("UPDATE model_version_view SET " + assignments
        + ", updated_at = ? WHERE model_name = ? AND version = ?", followedBy(values, ts(at), modelName, version));
  }

  private static Object[] followedBy(Object[] values, Object... more) {
    Object[] all = Arrays.copyOf(values, values.length + more.length);
    System.arraycopy(more, 0, all, values.length, more.length);
    return all;
  }

  private void touchModel(String name, Instant at) {
    jdbc.update("UPDATE registered_model_view SET updated_at = ? WHERE name = ?", ts(at), name);
  }

  private String tagsJson(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return json.writeValueAsString(map);
  }

  private String jsonOrNull(Object value) {
    return value == null ? null : json.writeValueAsString(value);
  }

  private static Timestamp ts(Instant at) {
    return Timestamp.from(at);
  }
}
