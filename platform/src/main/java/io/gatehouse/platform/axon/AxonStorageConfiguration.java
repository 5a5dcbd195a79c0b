package io.gatehouse.platform.axon;

import io.gatehouse.contracts.Upcasters;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's storage and message plumbing as every service needs it. Runs before Axon's own
 * auto-configuration so that its conditional beans back off.
 *
 * <ul>
 *   <li>The JDBC storage engine on snake_case tables created by Flyway ({@code db/platform/V1}), reading
 *       the event stream in batches that can end short ({@link TailingEventStorageEngine}), and an
 *       event store that gathers commits close together for the streaming processors
 *       ({@link GatheringEventStore}).</li>
 *   <li>A Spring transaction manager, declared outright: Axon 4.13's auto-configuration can fall back
 *       to a no-op one under Spring Boot 4, which would commit events and tokens separately.</li>
 *   <li>The upcasters of the published language, so old revisions of stored events still read.</li>
 *   <li>The acting identity and trace copied from the current request or consumed event into every
 *       command's metadata, and from there into every event it causes.</li>
 * </ul>
 */
@AutoConfiguration(beforeName = {
    "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
    "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
    "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
    "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"},
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration")
public class AxonStorageConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public EventSchema eventSchema() {
    return EventSchema.builder()
        .eventTable("domain_event_entry")
        .snapshotTable("snapshot_event_entry")
        .globalIndexColumn("global_index")
        .timestampColumn("time_stamp")
        .eventIdentifierColumn("event_identifier")
        .aggregateIdentifierColumn("aggregate_identifier")
        .sequenceNumberColumn("sequence_number")
        .typeColumn("type")
        .payloadTypeColumn("payload_type")
        .payloadRevisionColumn("payload_revision")
        .payloadColumn("payload")
        .metaDataColumn("meta_data")
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  public TokenSchema tokenSchema() {
    return TokenSchema.builder()
        .setTokenTable("token_entry")
        .setProcessorNameColumn("processor_name")
        .setSegmentColumn("segment")
        .setTokenColumn("token")
        .setTokenTypeColumn("token_type")
        .setTimestampColumn("timestamp")
        .setOwnerColumn("owner")
        .build();
  }

  /**
   * PostgreSQL reports a duplicate key as SQLState 23505; Axon's default resolver looks at vendor
   * error codes and misses it, which turned "this aggregate already exists" into a 500.
   */
  @Bean
  public PersistenceExceptionResolver persistenceExceptionResolver() {
    return new SQLStateResolver("23505");
  }

  /**
   * Axon's JDBC engine as its auto-configuration builds it, reading the event stream with
   * {@link TailReads} ({@link TailingEventStorageEngine}).
   */
  @Bean
  @ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
  public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer, org.axonframework.config.Configuration configuration,
      ConnectionProvider connectionProvider, TransactionManager transactionManager, EventSchema eventSchema) {
    return new TailingEventStorageEngine(JdbcEventStorageEngine.builder()
        .snapshotSerializer(defaultSerializer)
        .upcasterChain(configuration.upcasterChain())
        .persistenceExceptionResolver(persistenceExceptionResolver)
        .eventSerializer(eventSerializer)
        .snapshotFilter(configuration.snapshotFilter())
        .connectionProvider(connectionProvider)
        .transactionManager(transactionManager)
        .schema(eventSchema));
  }

  /**
   * Axon's embedded event store, waking its producer at most once per
   * {@code gatehouse.axon.commit-notification-delay} (default 10 ms; 0: after every commit) so that
   * commits close together reach the streaming processors together ({@link GatheringEventStore}),
   * and keeping the newest {@code gatehouse.axon.cached-events} (default 256) in memory for them.
   */
  @Qualifier("eventStore")
  @Bean(name = "eventBus")
  @ConditionalOnMissingBean(EventBus.class)
  public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
      org.axonframework.config.Configuration configuration,
      @Value("${gatehouse.axon.commit-notification-delay:10ms}") Duration notificationDelay,
      @Value("${gatehouse.axon.cached-events:256}") int cachedEvents) {
    return eventStore(EmbeddedEventStore.builder()
        .storageEngine(storageEngine)
        .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
        .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), notificationDelay, cachedEvents);
  }

  /**
   * The event store of {@link #eventStore(EventStorageEngine, org.axonframework.config.Configuration, Duration,
   * int)} from a builder holding the rest, the settings checked first.
   *
   * <p>{@code cachedEvents} bounds the events the store holds for its tailing processors (Axon's
   * default is 10,000). Every event stays reachable until that many newer ones have been read, so with
   * Axon's default each one outlived the young collections and was copied into the old generation,
   * which filled at the event rate and was then collected whole: under 200 sign-offs/s the 10,000
   * events held about 30 of approval-service's 81 MB of live heap. The processors read within a few
   * milliseconds of a commit, far inside 256 events; one that falls further behind follows the events
   * it holds and is moved to reading the store (Axon's clean-up, every 10 s) until it is back at the
   * head (ADR 0011 addendum).
   */
  static GatheringEventStore eventStore(EmbeddedEventStore.Builder builder, Duration notificationDelay,
      int cachedEvents) {
    if (notificationDelay.isNegative()) {
      throw new IllegalArgumentException(
          "gatehouse.axon.commit-notification-delay must be zero or positive, was " + notificationDelay);
    }
    if (cachedEvents < 1) {
      throw new IllegalArgumentException("gatehouse.axon.cached-events must be 1 or more, was " + cachedEvents);
    }
    return new GatheringEventStore(builder.cachedEvents(cachedEvents), notificationDelay);
  }

  @Bean
  public TransactionManager axonTransactionManager(PlatformTransactionManager platformTransactionManager) {
    return new SpringTransactionManager(platformTransactionManager);
  }

  /** The clock aggregates take time from; a bean so tests can fix it. */
  @Bean
  @ConditionalOnMissingBean
  public java.time.Clock clock() {
    return java.time.Clock.systemUTC();
  }

  /**
   * Stored events of an older revision of the published language are read through its upcasters
   * ({@code event-contracts}' {@code Upcasters}); Axon hands every {@code EventUpcaster} bean to the
   * storage engine.
   */
  @Bean
  public EventUpcaster gatehouseContractUpcasters() {
    return Upcasters.chain();
  }

  @Bean
  public CorrelationDataProvider messageOriginProvider() {
    return new MessageOriginProvider();
  }

  /** Carries who acted, and in which trace, from a command to every event it causes. */
  @Bean
  public CorrelationDataProvider actingCorrelationDataProvider() {
    return new SimpleCorrelationDataProvider(
        Acting.ACTOR, Acting.ACTOR_NAME, Acting.TRACEPARENT, Acting.CAUSATION_ID);
  }

  /** Stamps the current {@link Acting} into commands sent without it. */
  @Bean
  public MessageDispatchInterceptor<CommandMessage<?>> actingCommandMetadata() {
    return new MessageDispatchInterceptor<>() {
      @Override
      public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> ActingContext.current()
            .map(acting -> {
              Map<String, String> missing = new java.util.HashMap<>(acting.asMetadata());
              missing.keySet().removeAll(command.getMetaData().keySet());
              return missing.isEmpty() ? command : command.andMetaData(missing);
            })
            .orElse(command);
      }
    };
  }
}
