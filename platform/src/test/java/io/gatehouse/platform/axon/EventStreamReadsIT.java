package io.gatehouse.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event stream as the streaming processors read it, on a real PostgreSQL: {@link TailingEventStorageEngine}
 * ends a read at a short batch yet misses nothing (events past a wide hole, events filling a gap late,
 * events committed after a read ended), and {@link GatheringEventStore} reads commits close together
 * once, delivering every one of them.
 */
class EventStreamReadsIT {

  @RegisterExtension
  static PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  private final AtomicInteger streamReads = new AtomicInteger();
  /** Stream reads made on {@link #reader}'s thread only (the store's producer reads on its own). */
  private final AtomicInteger readerReads = new AtomicInteger();
  private volatile Thread reader;
  private HikariDataSource dataSource;
  private JdbcTemplate jdbc;
  private final List<EmbeddedEventStore> stores = new ArrayList<>();

  @BeforeEach
  void schema() {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(db.jdbcUrl());
    dataSource.setUsername(db.username());
    dataSource.setMaximumPoolSize(8);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
  }

  @AfterEach
  void close() {
    stores.forEach(EmbeddedEventStore::shutDown);
    dataSource.close();
  }

  @Test
  void anEventCommittedAloneIsReadWithOneStatement() {
    TailingEventStorageEngine engine = engine(100);
    append(engine, 3);
    TrackingToken token = last(engine.readEvents(null, true).toList());

    append(engine, 1);
    streamReads.set(0);
    List<? extends TrackedEventMessage<?>> read = engine.readEvents(token, true).toList();

    assertThat(read).hasSize(1);
    assertThat(streamReads).as("Axon's window reads take three: found; empty; look-ahead").hasValue(1);

    streamReads.set(0);
    assertThat(engine.readEvents(last(read), true).toList()).isEmpty();
    assertThat(streamReads).as("nothing new: one statement, no look-ahead").hasValue(1);
  }

  @Test
  void aReadGoesOnPastFullBatches() {
    TailingEventStorageEngine engine = engine(2);
    append(engine, 5);

    streamReads.set(0);
    assertThat(engine.readEvents(null, true).toList()).hasSize(5);
    assertThat(streamReads).as("two full batches and a short one").hasValue(3);
  }

  /** Hundreds of index values taken by rolled-back inserts: wider than a batch, found without a look-ahead. */
  @Test
  void eventsPastAHoleWiderThanABatchAreFound() {
    TailingEventStorageEngine engine = engine(100);
    append(engine, 3);
    TrackingToken token = last(engine.readEvents(null, true).toList());
    jdbc.queryForObject("SELECT setval('domain_event_entry_global_index_seq', 503)", Long.class);
    String after = append(engine, 1).get(0);

    List<? extends TrackedEventMessage<?>> read = engine.readEvents(token, true).toList();

    assertThat(read).extracting(TrackedEventMessage::getIdentifier).containsExactly(after);
    assertThat(((GapAwareTrackingToken) last(read)).getIndex()).isEqualTo(504);
  }

  /** A transaction that took index 4 commits after the one that took 5: the reader comes back for 4. */
  @Test
  void anEventFillingAGapLateIsReadWithTheEventsAfterIt() {
    TailingEventStorageEngine engine = engine(100);
    append(engine, 3);
    jdbc.queryForObject("SELECT setval('domain_event_entry_global_index_seq', 4)", Long.class);
    append(engine, 1);
    List<? extends TrackedEventMessage<?>> first = engine.readEvents(null, true).toList();
    GapAwareTrackingToken token = (GapAwareTrackingToken) last(first);
    assertThat(token.getIndex()).isEqualTo(5);
    assertThat(token.getGaps()).containsExactly(4L);

    jdbc.update("INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
        + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
        + " SELECT 4, 'late', 0, type, 'late-event', meta_data, payload, payload_revision, payload_type, time_stamp"
        + " FROM domain_event_entry WHERE global_index = 5");
    String sixth = append(engine, 1).get(0);

    streamReads.set(0);
    List<? extends TrackedEventMessage<?>> read = engine.readEvents(token, true).toList();

    assertThat(read).extracting(TrackedEventMessage::getIdentifier).containsExactly("late-event", sixth);
    assertThat(((GapAwareTrackingToken) last(read)).getGaps()).isEmpty();
    assertThat(streamReads).hasValue(1);
  }

  /** A processor catching up keeps its iterator: once it ran dry it reads on when asked again. */
  @Test
  void aStreamThatRanDryReadsOnWhenAskedAgain() {
    TailingEventStorageEngine engine = engine(100);
    append(engine, 2);
    Iterator<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false).iterator();
    stream.next();
    stream.next();
    assertThat(stream.hasNext()).isFalse();

    String third = append(engine, 1).get(0);

    assertThat(stream.hasNext()).isTrue();
    assertThat(stream.next().getIdentifier()).isEqualTo(third);
  }

  /**
   * Thirty commits in a row: the producer is woken once for them (a second after the first) and
   * reads them together, where Axon's store reads after each commit (two statements each).
   */
  @Test
  void commitsCloseTogetherAreReadTogether() throws InterruptedException {
    GatheringEventStore store = store(engine(100), Duration.ofSeconds(1));
    TrackingEventStream stream = tailing(store);

    streamReads.set(0);
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      published.add(publish(store));
    }
    List<String> seen = read(stream, 30, Duration.ofSeconds(10));

    assertThat(seen).containsExactlyElementsOf(published);
    assertThat(streamReads.get()).as("reads of the stream for 30 commits").isLessThanOrEqualTo(8);
  }

  /** Commits racing the wake-up from four threads: every one reaches the tailing reader once. */
  @Test
  void noCommitIsMissedWhileTheProducerIsWoken() throws Exception {
    GatheringEventStore store = store(engine(100), Duration.ofMillis(2));
    TrackingEventStream stream = tailing(store);
    Set<String> published = ConcurrentHashMap.newKeySet();
    ExecutorService writers = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      done.add(writers.submit(() -> {
        for (int i = 0; i < 100; i++) {
          published.add(publish(store));
        }
      }));
    }
    List<String> seen = read(stream, 400, Duration.ofSeconds(20));
    for (Future<?> f : done) {
      f.get();
    }
    writers.shutdown();

    assertThat(seen).hasSize(400).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(seen)).isEqualTo(new TreeSet<>(published));
  }

  @Test
  void aNegativeDelayOrNoCachedEventsIsRefusedNamingTheSetting() {
    EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder().storageEngine(engine(100));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> AxonStorageConfiguration.eventStore(builder, Duration.ofMillis(-1), 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gatehouse.axon.commit-notification-delay");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> AxonStorageConfiguration.eventStore(builder, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gatehouse.axon.cached-events must be 1 or more, was 0");
  }

  /**
   * The store keeps the newest {@code cached-events} in memory for its readers and no more: a reader
   * opened at one of them reads on without touching the database, one opened further back reads
   * the database (with Axon's default of 10,000 both would read from memory). Only the reads made on
   * the test's thread count: the store's producer may still read once more on its own after the last
   * event, which is not the readers' doing.
   */
  @Test
  void onlyTheNewestCachedEventsAreServedFromMemory() throws InterruptedException {
    GatheringEventStore store = store(engine(100), Duration.ZERO, 4);
    TrackingEventStream head = tailing(store);
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      published.add(publish(store));
    }
    List<TrackingToken> tokens = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (tokens.size() < 10 && System.nanoTime() < deadline) {
      if (head.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
        tokens.add(head.nextAvailable().trackingToken());
      }
    }
    assertThat(tokens).as("events read by the tailing reader").hasSize(10);

    reader = Thread.currentThread();
    readerReads.set(0);
    TrackingEventStream recent = store.openStream(tokens.get(7));
    assertThat(read(recent, 2, Duration.ofSeconds(5))).containsExactlyElementsOf(published.subList(8, 10));
    assertThat(readerReads.get()).as("database reads for the last two events").isZero();
    recent.close();

    TrackingEventStream older = store.openStream(tokens.get(2));
    assertThat(read(older, 7, Duration.ofSeconds(5))).containsExactlyElementsOf(published.subList(3, 10));
    assertThat(readerReads.get()).as("database reads for events older than the cache").isPositive();
    older.close();
  }

  /**
   * Reads until {@code count} events or the deadline. Axon's stream may answer "nothing available"
   * before its timeout when woken for events another reader was waiting for, so a false answer is
   * asked again.
   */
  private static List<String> read(TrackingEventStream stream, int count, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    List<String> seen = new ArrayList<>();
    while (seen.size() < count && System.nanoTime() < deadline) {
      if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
        seen.add(stream.nextAvailable().getIdentifier());
      }
    }
    return seen;
  }

  private TrackingEventStream tailing(EmbeddedEventStore store) throws InterruptedException {
    TrackingEventStream stream = store.openStream(null);
    assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).as("empty store").isFalse();
    return stream;
  }

  private GatheringEventStore store(TailingEventStorageEngine engine, Duration delay) {
    return store(engine, delay, 256);
  }

  private GatheringEventStore store(TailingEventStorageEngine engine, Duration delay, int cachedEvents) {
    GatheringEventStore store = AxonStorageConfiguration.eventStore(
        EmbeddedEventStore.builder().storageEngine(engine), delay, cachedEvents);
    stores.add(store);
    return store;
  }

  private TailingEventStorageEngine engine(int batchSize) {
    Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    AxonStorageConfiguration configuration = new AxonStorageConfiguration();
    return new TailingEventStorageEngine(JdbcEventStorageEngine.builder()
        .snapshotSerializer(serializer)
        .eventSerializer(serializer)
        .persistenceExceptionResolver(new SQLStateResolver("23505"))
        .connectionProvider(counting())
        .transactionManager(NoTransactionManager.INSTANCE)
        .schema(configuration.eventSchema())
        .batchSize(batchSize));
  }

  /** Hands out pooled connections that count the statements reading the event stream. */
  private ConnectionProvider counting() {
    return () -> {
      Connection connection = dataSource.getConnection();
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                && sql.startsWith("SELECT") && sql.contains("FROM domain_event_entry")
                && !sql.contains("aggregate_identifier = ?")) {
              streamReads.incrementAndGet();
              if (Thread.currentThread() == reader) {
                readerReads.incrementAndGet();
              }
            }
            try {
              return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    };
  }

  private static List<String> append(JdbcEventStorageEngine engine, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      GenericDomainEventMessage<String> event = event();
      engine.appendEvents(event);
      ids.add(event.getIdentifier());
    }
    return ids;
  }

  private static String publish(EmbeddedEventStore store) {
    GenericDomainEventMessage<String> event = event();
    store.publish(event);
    return event.getIdentifier();
  }

  private static GenericDomainEventMessage<String> event() {
    return new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, "payload");
  }

  private static TrackingToken last(List<? extends TrackedEventMessage<?>> events) {
    return events.get(events.size() - 1).trackingToken();
  }
}
