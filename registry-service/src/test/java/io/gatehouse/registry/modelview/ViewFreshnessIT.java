package io.gatehouse.registry.modelview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
import org.springframework.jdbc.core.RowMapper;

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
  /** How often {@link ViewFreshness} has read the view's token (its only query of token_entry). */
  private final AtomicInteger viewChecks = new AtomicInteger();
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
    jdbc = new JdbcTemplate(dataSource) {
      @Override
      public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
        if (sql.contains("FROM token_entry")) {
          viewChecks.incrementAndGet();
        }
        return super.query(sql, rowMapper, args);
      }
    };
    freshness = new ViewFreshness(jdbc, serializer, Duration.ofSeconds(10));
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

    assertAnswerWaitsUntilTheViewReaches(GapAwareTrackingToken.newInstance(3, List.of()),
        "answered only after the view handled the gap's event");
  }

  @Test
  void aGapNoEventFillsDoesNotHoldTheAnswer() {
    events(1, 3); // 2 was a rolled-back insert: a hole for good
    token(GapAwareTrackingToken.newInstance(3, List.of(2L)));

    assertThatCode(freshness::awaitCurrent).doesNotThrowAnyException();
  }

  /** The write stands but the answer cannot show it: said so after the wait, not read from a stale view. */
  @Test
  void aViewThatDoesNotCatchUpInTimeIsReportedBehind() {
    events(1, 2, 3);
    token(GapAwareTrackingToken.newInstance(2, List.of()));
    ViewFreshness impatient = new ViewFreshness(jdbc, serializer, Duration.ofMillis(150));

    long start = System.nanoTime();
    assertThatThrownBy(impatient::awaitCurrent)
        .isInstanceOf(ViewBehind.class)
        .hasMessageContaining("The change was stored")
        .hasMessageContaining("after 150 ms")
        .hasMessageContaining("Do not send the change again");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void aWaitThatIsNotPositiveIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new ViewFreshness(jdbc, serializer, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gatehouse.registry.view-wait must be positive, was PT0S");
  }

  @Test
  void aViewBehindTheLastEventHoldsTheAnswerUntilItCatchesUp() throws Exception {
    events(1, 2, 3);
    token(GapAwareTrackingToken.newInstance(2, List.of()));

    assertAnswerWaitsUntilTheViewReaches(GapAwareTrackingToken.newInstance(3, List.of()),
        "answered only after the view caught up");
  }

  /**
   * Calls {@link ViewFreshness#awaitCurrent()} while the view stands still until the call has read
   * its token twice (so it has seen it not current and waited), then moves it to {@code handled}:
   * the call must return, and only after that move.
   */
  private void assertAnswerWaitsUntilTheViewReaches(GapAwareTrackingToken handled, String why) throws Exception {
    AtomicBoolean moved = new AtomicBoolean();
    CompletableFuture<Void> view = CompletableFuture.runAsync(() -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (viewChecks.get() < 2 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
      moved.set(true);
      token(handled);
    });

    freshness.awaitCurrent();
    boolean handledWhenAnswered = moved.get();
    view.get(10, TimeUnit.SECONDS);

    assertThat(handledWhenAnswered).as(why).isTrue();
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
}
