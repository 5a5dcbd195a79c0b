package io.gatehouse.validation.run.infra;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.ModelCard;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** The tables of runs, reports and submitted versions (V10__validation_tables.sql, V11__submitted_card.sql). */
@Component
public class Runs {

  /** A submitted version as validation knows it. */
  public record Submission(String modelName, int version, String riskTier, EvaluationDataRef evaluationData,
      ModelCard modelCard, Map<String, Double> declaredMetrics, String submittedBy) {

    public boolean cardPresent() {
      return modelCard != null;
    }
  }

  /** A run's row. */
  public record Run(String runId, String modelName, int version, String trigger, String requestedBy,
      Instant requestedAt, String status, int attempts, boolean started, String policyName, Integer policyVersion,
      String riskTier, String dataSha256, Long rowCount, Integer gatesPassed, Integer gatesFailed,
      String reportSha256, Instant completedAt) {}

  private static final String RUN_COLUMNS = "run_id, model_name, version, trigger, requested_by, requested_at, status, "
      + "attempts, started, policy_name, policy_version, risk_tier, data_sha256, row_count, gates_passed, gates_failed, "
      + "report_sha256, completed_at";

  private final JdbcTemplate jdbc;

  public Runs(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void saveSubmission(Submission s) {
    jdbc.update("""
        INSERT INTO submitted_version (model_name, version, risk_tier, evaluation_data, card_present, model_card,
          declared_metrics, submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (model_name, version) DO UPDATE SET risk_tier = EXCLUDED.risk_tier,
          evaluation_data = EXCLUDED.evaluation_data, card_present = EXCLUDED.card_present,
          model_card = EXCLUDED.model_card, declared_metrics = EXCLUDED.declared_metrics,
          submitted_by = EXCLUDED.submitted_by""",
        s.modelName(), s.version(), s.riskTier(), jsonOrNull(s.evaluationData()), s.cardPresent(),
        jsonOrNull(s.modelCard()), EventJson.mapper().writeValueAsString(s.declaredMetrics()), s.submittedBy());
  }

  /** Replaces the card of a known version; false if the version is unknown. */
  public boolean updateCard(String model, int version, ModelCard card, Map<String, Double> declared) {
    return jdbc.update("""
        UPDATE submitted_version SET card_present = TRUE, model_card = ?, declared_metrics = ?
        WHERE model_name = ? AND version = ?""", jsonOrNull(card),
        EventJson.mapper().writeValueAsString(declared), model, version) == 1;
  }

  /** Replaces the evaluation data of a known version; false if the version is unknown. */
  public boolean updateEvaluationData(String model, int version, EvaluationDataRef data) {
    return jdbc.update("UPDATE submitted_version SET evaluation_data = ? WHERE model_name = ? AND version = ?",
        jsonOrNull(data), model, version) == 1;
  }

  private static String jsonOrNull(Object value) {
    return value == null ? null : EventJson.mapper().writeValueAsString(value);
  }

  public Optional<Submission> submission(String model, int version) {
    return jdbc.query("""
        SELECT model_name, version, risk_tier, evaluation_data, model_card, declared_metrics,
          submitted_by FROM submitted_version WHERE model_name = ? AND version = ?""", (rs, i) -> new Submission(
        rs.getString(1), rs.getInt(2), rs.getString(3),
        rs.getString(4) == null ? null : EventJson.mapper().readValue(rs.getString(4), EvaluationDataRef.class),
        rs.getString(5) == null ? null : EventJson.mapper().readValue(rs.getString(5), ModelCard.class),
        EventJson.mapper().readValue(rs.getString(6), new TypeReference<Map<String, Double>>() {}),
        rs.getString(7)), model, version).stream().findFirst();
  }

  public void request(String runId, String model, int version, String trigger, String requestedBy, Instant at) {
    jdbc.update("""
        INSERT INTO validation_run (run_id, model_name, version, trigger, requested_by, requested_at, status)
        VALUES (?, ?, ?, ?, ?, ?, 'PENDING') ON CONFLICT (run_id) DO NOTHING""", runId, model, version, trigger,
        requestedBy, Timestamp.from(at));
  }

  /** Claims the oldest pending run, or one whose worker's lease ran out; empty if none. */
  public Optional<Run> claim(Duration lease) {
    return jdbc.query("UPDATE validation_run SET status = 'RUNNING', claimed_at = now(), attempts = attempts + 1 "
        + "WHERE run_id = (SELECT run_id FROM validation_run WHERE status = 'PENDING' OR (status = 'RUNNING' AND "
        + "claimed_at < now() - make_interval(secs => ?)) ORDER BY requested_at, run_id LIMIT 1 FOR UPDATE SKIP LOCKED) "
        + "RETURNING " + RUN_COLUMNS, (rs, i) -> run(rs), (double) lease.toSeconds()).stream().findFirst();
  }

  public void markStarted(String runId, String policyName, int policyVersion, String riskTier) {
    jdbc.update("UPDATE validation_run SET started = TRUE, policy_name = ?, policy_version = ?, risk_tier = ? "
        + "WHERE run_id = ?", policyName, policyVersion, riskTier, runId);
  }

  public void complete(String runId, byte[] report, String reportSha256, String dataSha256, long rows, int passed,
      int failed, Instant at) {
    jdbc.update("INSERT INTO validation_report (run_id, report, report_sha256) VALUES (?, ?, ?)", runId, report,
        reportSha256);
    jdbc.update("""
        UPDATE validation_run SET status = 'DONE', data_sha256 = ?, row_count = ?, gates_passed = ?, gates_failed = ?,
          report_sha256 = ?, completed_at = ? WHERE run_id = ?""", dataSha256, rows, passed, failed, reportSha256,
        Timestamp.from(at), runId);
  }

  public Optional<Run> run(String runId) {
    return jdbc.query("SELECT " + RUN_COLUMNS + " FROM validation_run WHERE run_id = ?", (rs, i) -> run(rs), runId)
        .stream().findFirst();
  }

  public List<Run> runs(String model, int version) {
    return jdbc.query("SELECT " + RUN_COLUMNS + " FROM validation_run WHERE model_name = ? AND version = ? "
        + "ORDER BY requested_at, run_id", (rs, i) -> run(rs), model, version);
  }

  /** The report bytes of a completed run. */
  public Optional<byte[]> report(String runId) {
    return jdbc.query("SELECT report FROM validation_report WHERE run_id = ?", (rs, i) -> rs.getBytes(1), runId)
        .stream().findFirst();
  }

  private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp completed = rs.getTimestamp(18);
    return new Run(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
        rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8), rs.getBoolean(9), rs.getString(10),
        (Integer) rs.getObject(11), rs.getString(12), rs.getString(13), (Long) rs.getObject(14),
        (Integer) rs.getObject(15), (Integer) rs.getObject(16), rs.getString(17),
        completed == null ? null : completed.toInstant());
  }
}
