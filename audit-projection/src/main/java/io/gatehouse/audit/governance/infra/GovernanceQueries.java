package io.gatehouse.audit.governance.infra;

import io.gatehouse.platform.jdbc.SqlFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the governance views. Times are answered as instants, durations in hours. */
@Component
public class GovernanceQueries {

  private final JdbcTemplate jdbc;

  public GovernanceQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One version in the inventory. */
  public record VersionRow(String model, int version, String tier, String status, String caseId, String policyName,
      Integer policyVersion, String submittedBy, Instant submittedAt, Instant approvedAt, Instant validUntil,
      boolean breakGlass, Instant reviewDueBy, boolean suspended, Instant recertificationDueAt, Instant expiredAt,
      String stages, List<String> awaitingRoles) {}

  private static final String VERSION_COLUMNS = "model_name, version, tier, status, case_id, policy_name,"
      + " policy_version, submitted_by, submitted_at, approved_at, valid_until, break_glass, review_due_by, suspended,"
      + " recertification_due_at, expired_at, stages, awaiting_roles";

  private static VersionRow version(ResultSet rs) throws SQLException {
    return new VersionRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), (Integer) rs.getObject(7), rs.getString(8), at(rs, 9), at(rs, 10), at(rs, 11),
        rs.getBoolean(12), at(rs, 13), rs.getBoolean(14), at(rs, 15), at(rs, 16), rs.getString(17),
        List.of((String[]) rs.getArray(18).getArray()));
  }

  private static Instant at(ResultSet rs, int i) throws SQLException {
    Timestamp t = rs.getTimestamp(i);
    return t == null ? null : t.toInstant();
  }

  /** Versions filtered by tier and status, paged by (model, version) after a cursor {@code model/version}. */
  public List<VersionRow> inventory(String tier, String status, String model, String afterModel, int afterVersion,
      int limit) {
    SqlFilter filter = new SqlFilter().and("(model_name, version) > (?, ?)", afterModel, afterVersion)
        .andIfPresent("tier = ?", tier).andIfPresent("status = ?", status).andIfPresent("model_name = ?", model);
    return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM view_version WHERE " + filter.where()
        + " ORDER BY model_name, version LIMIT ?", (rs, i) -> version(rs), filter.argsThen(limit));
  }

  /**
   * Open cases waiting for {@code role}, or for a role {@code person} has signed for before and on which
   * they have not signed yet; oldest first.
   */
  public List<VersionRow> queue(String role, String person, int limit) {
    if (role != null) {
      return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM view_version WHERE status = 'OPEN' AND awaiting_roles @>"
          + " ARRAY[?]::text[] ORDER BY opened_at, model_name, version LIMIT ?", (rs, i) -> version(rs), role, limit);
    }
    return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM view_version v WHERE status = 'OPEN' AND awaiting_roles &&"
        + " ARRAY(SELECT DISTINCT role FROM view_signoff WHERE signer = ?)::text[] AND NOT EXISTS (SELECT 1 FROM"
        + " view_signoff s WHERE s.model_name = v.model_name AND s.version = v.version AND s.signer = ?)"
        + " ORDER BY opened_at, model_name, version LIMIT ?", (rs, i) -> version(rs), person, person, limit);
  }

  /** p50 and p90 of a duration in hours over a group. */
  public record Percentiles(String group, long count, Double p50Hours, Double p90Hours) {}

  /** A case waiting now, and on which roles. */
  public record Waiting(String model, int version, String tier, List<String> awaitingRoles, Instant openedAt) {}

  /** Approval velocity: submission to approval by tier, case opening to each role's first approval, and who waits longest. */
  public record Velocity(List<Percentiles> submissionToApprovalByTier, List<Percentiles> waitForRole,
      List<Percentiles> openCasesByAwaitedRole, List<Waiting> longestWaiting) {}

  public Velocity velocity() {
    List<Percentiles> byTier = jdbc.query("""
        SELECT tier, count(*),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM approved_at - submitted_at)) / 3600,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM approved_at - submitted_at)) / 3600
        FROM view_version WHERE approved_at IS NOT NULL AND submitted_at IS NOT NULL GROUP BY tier ORDER BY tier""",
        (rs, i) -> new Percentiles(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
    List<Percentiles> byRole = jdbc.query("""
        SELECT role, count(*),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) / 3600, percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) / 3600
        FROM (SELECT role, extract(epoch FROM min(signed_at) - min(opened_at)) AS wait FROM view_signoff
              WHERE decision = 'APPROVE' AND opened_at IS NOT NULL GROUP BY model_name, version, role) w
        GROUP BY role ORDER BY role""",
        (rs, i) -> new Percentiles(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
    List<Percentiles> open = jdbc.query("""
        SELECT role, count(*), NULL, NULL FROM view_version, unnest(awaiting_roles) AS role
        WHERE status = 'OPEN' GROUP BY role ORDER BY count(*) DESC, role""",
        (rs, i) -> new Percentiles(rs.getString(1), rs.getLong(2), null, null));
    List<Waiting> longest = jdbc.query("""
        SELECT model_name, version, tier, awaiting_roles, opened_at FROM view_version
        WHERE status = 'OPEN' AND cardinality(awaiting_roles) > 0 ORDER BY opened_at, model_name, version LIMIT 10""",
        (rs, i) -> new Waiting(rs.getString(1), rs.getInt(2), rs.getString(3),
            List.of((String[]) rs.getArray(4).getArray()), at(rs, 5)));
    return new Velocity(byTier, byRole, open, longest);
  }

  /** Per gate: versions evaluated, versions that failed it at least once, failures, rate. */
  public record GateRate(String gateId, long versions, long versionsFailedOnce, long failures, double failureRate) {}

  public List<GateRate> gateFailureRates() {
    return jdbc.query("""
        SELECT gate_id, count(*), count(*) FILTER (WHERE failures > 0), sum(failures)
        FROM view_gate GROUP BY gate_id ORDER BY gate_id""", (rs, i) -> new GateRate(rs.getString(1), rs.getLong(2),
        rs.getLong(3), rs.getLong(4), rs.getLong(2) == 0 ? 0 : (double) rs.getLong(3) / rs.getLong(2)));
  }

  /** A drift incident. */
  public record DriftRow(String signalId, String model, int version, String feature, String statistic, double value,
      String severity, Instant detectedAt, Instant resolvedAt) {}

  public List<DriftRow> drift(boolean open, int limit) {
    return jdbc.query("SELECT signal_id, model_name, version, feature, statistic, value, severity, detected_at,"
        + " resolved_at FROM view_drift WHERE resolved_at IS " + (open ? "" : "NOT ") + "NULL"
        + " ORDER BY detected_at DESC, signal_id LIMIT ?", (rs, i) -> new DriftRow(rs.getString(1), rs.getString(2),
        rs.getInt(3), rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getString(7), at(rs, 8), at(rs, 9)), limit);
  }

  /** Approvals whose recertification is due at {@code at} (due date passed, still valid), or overdue (validity ended). */
  public List<VersionRow> recertifications(boolean overdue, Instant at, int limit) {
    String where = overdue
        ? "status IN ('APPROVED', 'EXPIRED') AND valid_until <= ?"
        : "status = 'APPROVED' AND recertification_due_at <= ? AND valid_until > ?";
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(at));
    if (!overdue) {
      args.add(Timestamp.from(at));
    }
    args.add(limit);
    return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM view_version WHERE " + where
        + " ORDER BY valid_until, model_name, version LIMIT ?", (rs, i) -> version(rs), args.toArray());
  }

  /** Break-glass approvals whose retrospective review is not done; only those past due when {@code overdue}. */
  public List<VersionRow> breakGlassReviews(boolean overdue, Instant at, int limit) {
    return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM view_version WHERE break_glass"
        + (overdue ? " AND review_due_by <= ?::timestamptz" : " AND ?::timestamptz IS NOT NULL")
        + " ORDER BY review_due_by, model_name, version LIMIT ?", (rs, i) -> version(rs), Timestamp.from(at), limit);
  }

  /** Every row of every view, in a fixed order: what a rebuild must reproduce. */
  public Map<String, List<Map<String, Object>>> snapshot() {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("view_version", jdbc.queryForList("SELECT *, awaiting_roles::text AS awaiting_roles FROM view_version"
        + " ORDER BY model_name, version"));
    out.put("view_signoff", jdbc.queryForList("SELECT * FROM view_signoff ORDER BY leaf_index"));
    out.put("view_gate", jdbc.queryForList("SELECT * FROM view_gate ORDER BY model_name, version, gate_id"));
    out.put("view_drift", jdbc.queryForList("SELECT * FROM view_drift ORDER BY model_name, version, signal_id"));
    return out;
  }

}
