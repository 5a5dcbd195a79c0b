package io.gatehouse.platform.testapp;

import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records each consumed event as its effect. {@code seen} has no unique key on purpose: only the
 * platform's inbox stands between a redelivery and a second row. It accepts every event type but
 * {@link #PASSED_OVER}, so that the tests see what happens to a type no consumer wants.
 */
@Component
public class SeenRecorder implements EventConsumer {

  /** The one type this consumer does not accept. */
  public static final String PASSED_OVER = "io.gatehouse.registry.ModelDeleted.v1";

  private final JdbcTemplate jdbc;

  public SeenRecorder(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean accepts(String type) {
    return !PASSED_OVER.equals(type);
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
