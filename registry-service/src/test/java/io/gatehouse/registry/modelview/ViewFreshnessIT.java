package io.gatehouse.registry.modelview;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-your-writes on a real PostgreSQL: the event store's and the token store's rows are written
 * as Axon writes them, and {@link ViewFreshness} must answer from them. Found by the sign-off
 * benchmark's set-up (16 registrations in parallel): a model's registration answered 404 because
 * its event was a gap in the view's token when the freshness check passed.
 */
class ViewFreshnessIT {

  @RegisterExtension
  static PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  private final Serializer serializer = Jackson3Serializer.builder().build();
  private HikariDataSource dataSource;
  private JdbcTemplate jdbc;
  private ViewFreshness freshness;

  @BeforeEach
  void schema() {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(db.jdbcUrl());
    dataSource.setUsername(db.username());
    dataSource.setMaximumPoolSize(4);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    freshness = new ViewFreshness(jdbc, serializer);
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void anEventTheViewPassedAsAGapHoldsTheAnswerUntilTheViewHandledIt() throws Exception {
    events(1, 2, 3);
    // The view read 1 and 3 while 2 was uncommitted; 2 committed since (this write's event).
    token(GapAwareTrackingToken.newInstance(3, List.of(2L)));
    AtomicBoolean handled = new AtomicBoolean();
    CompletableFuture<Void> view = CompletableFuture.runAsync(() -> {
      sleep(300);
      handled.set(true);
      token(GapAwareTrackingToken.newInstance(3, List.of()));
    });

    boolean current = freshness.awaitCurrent();
    boolean handledWhenAnswered = handled.get();
    view.get(10, TimeUnit.SECONDS);

    assertThat(current).isTrue();
    assertThat(handledWhenAnswered).as("answered only after the view handled the gap's event").isTrue();
  }

  @Test
  void aGapNoEventFillsDoesNotHoldTheAnswer() {
    events(1, 3); // 2 was a rolled-back insert: a hole for good
    token(GapAwareTrackingToken.newInstance(3, List.of(2L)));

    assertThat(freshness.awaitCurrent()).isTrue();
  }

  @Test
  void aViewBehindTheLastEventHoldsTheAnswerUntilItCatchesUp() throws Exception {
    events(1, 2, 3);
    token(GapAwareTrackingToken.newInstance(2, List.of()));
    AtomicBoolean handled = new AtomicBoolean();
    CompletableFuture<Void> view = CompletableFuture.runAsync(() -> {
      sleep(300);
      handled.set(true);
      token(GapAwareTrackingToken.newInstance(3, List.of()));
    });

    boolean current = freshness.awaitCurrent();
    boolean handledWhenAnswered = handled.get();
    view.get(10, TimeUnit.SECONDS);

    assertThat(current).isTrue();
    assertThat(handledWhenAnswered).isTrue();
  }

  private void events(long... indexes) {
    for (long i : indexes) {
      jdbc.update("INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
          + "event_identifier, payload, payload_type, time_stamp) VALUES (?, ?, 0, 'Model', ?, ?, 'x', ?)",
          i, "model-" + i, "event-" + i, new byte[] {'{', '}'}, Instant.now().toString());
    }
  }

  private void token(GapAwareTrackingToken token) {
    SerializedObject<byte[]> bytes = serializer.serialize(token, byte[].class);
    int updated = jdbc.update(
        "UPDATE token_entry SET token = ?, token_type = ? WHERE processor_name = ? AND segment = 0", bytes.getData(),
        bytes.getType().getName(), RegistryViewProjection.PROCESSING_GROUP);
    if (updated == 0) {
      jdbc.update("INSERT INTO token_entry (processor_name, segment, token, token_type) VALUES (?, 0, ?, ?)",
          RegistryViewProjection.PROCESSING_GROUP, bytes.getData(), bytes.getType().getName());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
