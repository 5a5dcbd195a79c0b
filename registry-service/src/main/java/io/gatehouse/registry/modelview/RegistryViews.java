package io.gatehouse.registry.modelview;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.platform.jdbc.SqlFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the registry's read model. */
@Component
public class RegistryViews {

  private static final String VERSION_COLUMNS = "v.*, m.aliases AS model_aliases";

  private final JdbcTemplate jdbc;
  private final JsonMapper json = EventJson.mapper();

  public RegistryViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ModelView> model(String name) {
    return jdbc.query("SELECT * FROM registered_model_view WHERE name = ?", this::mapModel, name).stream().findFirst();
  }

  public Optional<VersionView> version(String name, int version) {
    return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM model_version_view v JOIN registered_model_view m "
        + "ON m.name = v.model_name WHERE v.model_name = ? AND v.version = ?", this::mapVersion, name, version)
        .stream().findFirst();
  }

  /** Models matching {@code filter} (alias {@code m}), in {@code orderBy}, from {@code offset}, at most {@code limit}. */
  public List<ModelView> models(SqlFilter filter, String orderBy, long offset, int limit) {
    return jdbc.query("SELECT m.* FROM registered_model_view m WHERE " + filter.where() + " ORDER BY " + orderBy
        + " LIMIT ? OFFSET ?", this::mapModel, filter.argsThen(limit, offset));
  }

  /** Versions matching {@code filter} (aliases {@code v} and {@code m}), ordered, paged. */
  public List<VersionView> versions(SqlFilter filter, String orderBy, long offset, int limit) {
    return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM model_version_view v JOIN registered_model_view m "
        + "ON m.name = v.model_name WHERE " + filter.where() + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?",
        this::mapVersion, filter.argsThen(limit, offset));
  }

  /** The highest-numbered version of the model in each of {@code stages}, in the order of MLflow's stages. */
  public List<VersionView> latestVersions(String name, List<String> stages) {
    List<VersionView> latest = new ArrayList<>();
    for (String stage : stages) {
      latest.addAll(jdbc.query("SELECT " + VERSION_COLUMNS + " FROM model_version_view v JOIN registered_model_view m "
          + "ON m.name = v.model_name WHERE v.model_name = ? AND v.current_stage = ? ORDER BY v.version DESC LIMIT 1",
          this::mapVersion, name, stage));
    }
    return latest;
  }

  /** One revision of a version's model card: the card and its missing sections. */
  public Optional<Map<String, Object>> cardRevision(String name, int version, int revision) {
    return jdbc.query("SELECT * FROM model_card_revision WHERE model_name = ? AND version = ? AND revision = ?",
        (rs, i) -> {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("revision", rs.getInt("revision"));
          r.put("modelCard", json.readValue(rs.getString("card"), ModelCard.class));
          r.put("missingSections", json.readValue(rs.getString("missing_sections"), new TypeReference<List<String>>() {}));
          r.put("updatedBy", rs.getString("updated_by"));
          r.put("updatedAt", rs.getTimestamp("updated_at").toInstant());
          return r;
        }, name, version, revision).stream().findFirst();
  }

  private ModelView mapModel(ResultSet rs, int row) throws SQLException {
    return new ModelView(rs.getString("name"), rs.getString("description"), rs.getString("owner_team"),
        json.readValue(rs.getString("risk_profile"), RiskProfile.class), rs.getString("risk_tier"),
        stringMap(rs.getString("tags")), intMap(rs.getString("aliases")), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }

  private VersionView mapVersion(ResultSet rs, int row) throws SQLException {
    int version = rs.getInt("version");
    List<String> aliases = new ArrayList<>();
    intMap(rs.getString("model_aliases")).forEach((alias, v) -> {
      if (v == version) {
        aliases.add(alias);
      }
    });
    long size = rs.getLong("artifact_size");
    Long sizeOrNull = rs.wasNull() ? null : size;
    String card = rs.getString("card");
    String missing = rs.getString("missing_sections");
    String lineage = rs.getString("lineage");
    String evaluation = rs.getString("evaluation_data");
    return new VersionView(rs.getString("model_name"), version, rs.getString("source"), rs.getString("run_id"),
        rs.getString("run_link"), rs.getString("description"), stringMap(rs.getString("tags")),
        rs.getString("current_stage"), rs.getString("status"), rs.getBoolean("retired"), rs.getString("retired_reason"),
        rs.getString("artifact_sha256"), sizeOrNull, rs.getString("submitted_by"),
        json.readValue(rs.getString("authors"), new TypeReference<List<String>>() {}),
        card == null ? null : json.readValue(card, ModelCard.class), rs.getInt("card_revision"),
        missing == null ? List.of() : json.readValue(missing, new TypeReference<List<String>>() {}),
        lineage == null ? null : json.readValue(lineage, Lineage.class),
        evaluation == null ? null : json.readValue(evaluation, EvaluationDataRef.class),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(), aliases);
  }

  private Map<String, String> stringMap(String doc) {
    return json.readValue(doc, new TypeReference<LinkedHashMap<String, String>>() {});
  }

  private Map<String, Integer> intMap(String doc) {
    return json.readValue(doc, new TypeReference<LinkedHashMap<String, Integer>>() {});
  }
}
