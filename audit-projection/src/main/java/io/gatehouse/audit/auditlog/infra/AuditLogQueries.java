package io.gatehouse.audit.auditlog.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the audit log in append order. */
@Component
public class AuditLogQueries {

  /** One audit entry as stored. */
  public record Entry(long sequence, String id, String type, String source, String subject, Instant time,
      String actor, String traceparent, byte[] data) {}

  private final JdbcTemplate jdbc;

  public AuditLogQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Entries after {@code afterSequence}, optionally of one model, at most {@code limit}. */
  public List<Entry> find(String model, long afterSequence, int limit) {
    StringBuilder sql = new StringBuilder(
        "SELECT seq, event_id, event_type, source, subject, event_time, actor, traceparent, data "
            + "FROM audit_entry WHERE seq > ?");
    List<Object> args = new ArrayList<>(List.of(afterSequence));
    if (model != null) {
      sql.append(" AND model_name = ?");
      args.add(model);
    }
    sql.append(" ORDER BY seq LIMIT ?");
    args.add(limit);
    return jdbc.query(sql.toString(), (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
        rs.getBytes(9)), args.toArray());
  }
}
