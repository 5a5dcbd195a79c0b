package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.Inbox;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGStatement;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The consumer's inbox is the log itself: every event the consumer applies is appended as an entry
 * under its CloudEvent id (unique), in the same transaction, so the entries already say which events
 * were applied. Keeping a second copy of every id in the platform's {@code inbox} table cost an index
 * insert and a heap row per event (about a tenth of the database's work in a replay).
 *
 * <p>The look-up takes no lock, so it runs while another consumer thread holds the log's lock. An
 * event logged by a transaction that commits after the look-up (another instance taking over a
 * partition) makes this transaction's append violate the unique key and roll back; the listener then
 * applies the records one by one, and the look-up finds it. Either way an event is logged once.
 *
 * <p>The look-up is planned anew on every execution (never a server-side prepared statement with a
 * cached generic plan). A connection that ran it a few times while the log was nearly empty had the
 * server cache a sequential-scan plan, and kept using it as the log grew: in the sign-off benchmark
 * the look-ups read 34 million rows in 2,442 sequential scans, about 80 ms each, a quarter of a core of
 * PostgreSQL. Planned each time, it is an index look-up of the ids (the unique index on
 * {@code event_id}), whatever the log's size when the connection first ran it.
 */
@Component
public class LogInbox extends Inbox {

  private static final String LOOKUP = "SELECT event_id FROM audit_entry WHERE event_id = ANY (?)";

  private final JdbcTemplate jdbc;

  public LogInbox(JdbcTemplate jdbc, KafkaProperties kafka) {
    super(jdbc, kafka.getConsumer().getGroupId());
    this.jdbc = jdbc;
  }

  @Override
  public boolean firstDelivery(ConsumedEvent event) {
    return !firstDeliveries(List.of(event)).isEmpty();
  }

  @Override
  public List<ConsumedEvent> firstDeliveries(List<ConsumedEvent> events) {
    String[] ids = events.stream().map(ConsumedEvent::id).distinct().toArray(String[]::new);
    Set<String> logged = new HashSet<>(jdbc.query(con -> {
      PreparedStatement ps = con.prepareStatement(LOOKUP);
      ps.unwrap(PGStatement.class).setPrepareThreshold(0); // unnamed statement: a custom plan every time
      ps.setArray(1, con.createArrayOf("varchar", ids));
      return ps;
    }, (rs, i) -> rs.getString(1)));
    List<ConsumedEvent> first = new ArrayList<>(events.size());
    for (ConsumedEvent e : events) {
      if (logged.add(e.id())) { // repeats within the list count once
        first.add(e);
      }
    }
    return first;
  }
}
