package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.Inbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The consumer's inbox is the log itself: every event the consumer applies is appended as an entry
 * under its CloudEvent id (unique), in the same transaction, so the entries already say which events
 * were applied. Keeping a second copy of every id in the platform's {@code inbox} table cost an index
 * insert and a heap row per event (about a tenth of the database's work in a replay).
 *
 * <p>The log's head row is locked before the ids are looked up, so no other consumer thread or
 * instance can log one of them between the look-up and the append (which takes the same lock in the
 * same transaction); an event logged in an earlier transaction is reported as a repeat, as the inbox
 * table would.
 */
@Component
public class LogInbox extends Inbox {

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
    jdbc.queryForObject("SELECT tree_size FROM merkle_head WHERE id = 1 FOR UPDATE", Long.class);
    String[] ids = events.stream().map(ConsumedEvent::id).distinct().toArray(String[]::new);
    Set<String> logged = new HashSet<>(jdbc.queryForList(
        "SELECT event_id FROM audit_entry WHERE event_id = ANY (?)", String.class, (Object) ids));
    List<ConsumedEvent> first = new ArrayList<>(events.size());
    for (ConsumedEvent e : events) {
      if (logged.add(e.id())) { // repeats within the list count once
        first.add(e);
      }
    }
    return first;
  }
}
