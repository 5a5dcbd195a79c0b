package io.gatehouse.audit.auditlog.infra;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the audit log in leaf order. */
@Component
public class AuditLogQueries {

  /** One audit entry as stored: its leaf index, filter columns, and its leaf (the canonical CloudEvent). */
  public record Entry(long index, String id, String type, String source, String subject, Instant time,
      String actor, String traceparent, byte[] leaf, byte[] leafHash) {}

  /** Filters of the audit query; null means any. */
  public record Filter(String model, Integer version, String actor, String type, Instant from, Instant to) {}

  private static final String COLUMNS =
      "leaf_index, event_id, event_type, source, subject, event_time, actor, traceparent, entry, leaf_hash";

  private final JdbcTemplate jdbc;

  public AuditLogQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Entries with a leaf index of {@code after} or more that match {@code filter}, at most {@code limit}. */
  public List<Entry> find(Filter filter, long after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE leaf_index >= ?");
    List<Object> args = new ArrayList<>(List.of(after));
    if (filter.model() != null) {
      sql.append(" AND model_name = ?");
      args.add(filter.model());
    }
    if (filter.version() != null) {
      sql.append(" AND model_version = ?");
      args.add(filter.version());
    }
    if (filter.actor() != null) {
      sql.append(" AND actor = ?");
      args.add(filter.actor());
    }
    if (filter.type() != null) {
      sql.append(" AND event_type = ?");
      args.add(filter.type());
    }
    if (filter.from() != null) {
      sql.append(" AND event_time >= ?");
      args.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" AND event_time < ?");
      args.add(Timestamp.from(filter.to()));
    }
    sql.append(" ORDER BY leaf_index LIMIT ?");
    args.add(limit);
    return jdbc.query(sql.toString(), (rs, i) -> entry(rs), args.toArray());
  }

  /** Entries {@code start .. end-1} by leaf index. */
  public List<Entry> range(long start, long end) {
    return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry WHERE leaf_index >= ? AND leaf_index < ?"
        + " ORDER BY leaf_index", (rs, i) -> entry(rs), start, end);
  }

  private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
  }
}
