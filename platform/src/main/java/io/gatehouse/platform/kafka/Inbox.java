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

  public String consumer() {
    return consumer;
  }
}
