package io.gatehouse.registry.grant.infra;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.registry.grant.domain.ApprovalStanding;
import io.gatehouse.registry.model.domain.Grant;
import io.gatehouse.registry.model.infra.VersionCommandHandler;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The table {@code approval_standing}: one JSON document per version. */
@Component
public class ApprovalStandings implements VersionCommandHandler.GrantLookup {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final JsonMapper json = EventJson.mapper();

  public ApprovalStandings(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Changes the standing of a version in the current transaction (creating it if new). */
  public void update(String model, int version, Consumer<ApprovalStanding> change) {
    List<String> docs = jdbc.queryForList(
        "SELECT document FROM approval_standing WHERE model_name = ? AND version = ? FOR UPDATE",
        String.class, model, version);
    ApprovalStanding standing = docs.isEmpty() ? new ApprovalStanding()
        : json.readValue(docs.get(0), ApprovalStanding.class);
    change.accept(standing);
    jdbc.update("""
        INSERT INTO approval_standing (model_name, version, case_id, document, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (model_name, version) DO UPDATE SET case_id = EXCLUDED.case_id, document = EXCLUDED.document,
          updated_at = EXCLUDED.updated_at""",
        model, version, standing.caseId, json.writeValueAsString(standing), Timestamp.from(clock.instant()));
  }

  public ApprovalStanding find(String model, int version, boolean forGrant) {
    List<String> docs = jdbc.queryForList(
        "SELECT document FROM approval_standing WHERE model_name = ? AND version = ?", String.class, model, version);
    return docs.isEmpty() ? null : json.readValue(docs.get(0), ApprovalStanding.class);
  }

  @Override
  public Grant find(String model, int version) {
    ApprovalStanding standing = find(model, version, true);
    return standing == null ? null : standing.grant(clock.instant());
  }
}
