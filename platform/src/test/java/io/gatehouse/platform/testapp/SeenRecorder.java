package io.gatehouse.platform.testapp;

import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records each consumed event as its effect. {@code seen} has no unique key on purpose: only the
 * platform's inbox stands between a redelivery and a second row.
 */
@Component
public class SeenRecorder implements EventConsumer {

  private final JdbcTemplate jdbc;

  public SeenRecorder(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void consume(ConsumedEvent event) {
    if (event.key() != null && event.key().startsWith("poison")) {
      throw new IllegalStateException("the test consumer refuses " + event.key());
    }
    jdbc.update("INSERT INTO seen (event_id, event_type, model_key, actor) VALUES (?, ?, ?, ?)",
        event.id(), event.type(), event.key(), event.actor());
  }
}
