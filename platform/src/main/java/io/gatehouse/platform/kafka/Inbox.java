package io.gatehouse.platform.kafka;

import org.springframework.jdbc.core.JdbcTemplate;

/** The ids of events a consumer group has applied, in the service's own database. */
public class Inbox {

  private final JdbcTemplate jdbc;
  private final String consumer;

  public Inbox(JdbcTemplate jdbc, String consumer) {
    this.jdbc = jdbc;
    this.consumer = consumer;
  }

  /**
   * Records the event in the current transaction; false if it was recorded before (a redelivery).
   * Two instances racing on one event block on the primary key until the first commits or rolls back.
   */
  public boolean firstDelivery(ConsumedEvent event) {
    return jdbc.update("""
        INSERT INTO inbox (consumer, event_id, event_type, topic, partition_no, offset_no)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (consumer, event_id) DO NOTHING""",
        consumer, event.id(), event.type(), event.topic(), event.partition(), event.offset()) == 1;
  }

  /**
   * Records many events in the current transaction in one statement; answers those recorded now for
   * the first time, in the given order (repeats within the list count once).
   */
  public java.util.List<ConsumedEvent> firstDeliveries(java.util.List<ConsumedEvent> events) {
    int n = events.size();
    String[] ids = new String[n];
    String[] types = new String[n];
    String[] topics = new String[n];
    Integer[] partitions = new Integer[n];
    Long[] offsets = new Long[n];
    for (int i = 0; i < n; i++) {
      ConsumedEvent e = events.get(i);
      ids[i] = e.id();
      types[i] = e.type();
      topics[i] = e.topic();
      partitions[i] = e.partition();
      offsets[i] = e.offset();
    }
    java.util.Set<String> inserted = new java.util.HashSet<>(jdbc.queryForList("""
        INSERT INTO inbox (consumer, event_id, event_type, topic, partition_no, offset_no)
        SELECT ?, u.* FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::bigint[]) AS u
        ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id""", String.class,
        consumer, ids, types, topics, partitions, offsets));
    java.util.List<ConsumedEvent> first = new java.util.ArrayList<>(inserted.size());
    for (ConsumedEvent e : events) {
      if (inserted.remove(e.id())) {
        first.add(e);
      }
    }
    return first;
  }

  public String consumer() {
    return consumer;
  }
}
