package io.gatehouse.monitoring;

import io.gatehouse.monitoring.drift.infra.DriftEngine;
import io.gatehouse.monitoring.drift.infra.EngineTopics;
import io.gatehouse.monitoring.drift.infra.MonitoringProperties;
import io.gatehouse.monitoring.monitoredversion.infra.MonitoredVersions;
import io.gatehouse.monitoring.monitoredversion.infra.VersionConfigPublisher;
import io.gatehouse.monitoring.monitoredversion.infra.WindowResultListener;
import io.gatehouse.monitoring.policy.infra.DriftLevels;
import io.gatehouse.platform.GatehouseProperties;
import io.gatehouse.platform.kafka.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

/**
 * monitoring-service's own wiring: its topics (inputs, their dead-letter topics, the engine's
 * internal ones), the drift engine, the listener that applies the engine's results, and the
 * processors of its event handlers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitoringProperties.class)
public class MonitoringConfiguration {

  @Bean
  KafkaAdmin.NewTopics monitoringTopics(GatehouseProperties gatehouse) {
    int p = gatehouse.getKafka().getPartitions();
    short r = gatehouse.getKafka().getReplicationFactor();
    return new KafkaAdmin.NewTopics(
        new NewTopic(EngineTopics.TELEMETRY, p, r),
        new NewTopic(EngineTopics.TELEMETRY_DLQ, p, r),
        new NewTopic(EngineTopics.DRIFT_SIGNALS, p, r),
        new NewTopic(EngineTopics.DRIFT_SIGNALS_DLQ, p, r),
        // same partition count as the telemetry topic: a model's records land in the same task
        new NewTopic(EngineTopics.TELEMETRY_BY_MODEL, p, r),
        new NewTopic(EngineTopics.RESULTS, p, r),
        new NewTopic(EngineTopics.RESULTS + ".dlq", p, r),
        new NewTopic(EngineTopics.VERSIONS, 1, r).configs(Map.of("cleanup.policy", "compact")));
  }

  @Bean
  @ConditionalOnProperty(name = "gatehouse.monitoring.engine.enabled", havingValue = "true", matchIfMissing = true)
  DriftEngine driftEngine(MonitoringProperties props, KafkaProperties kafka, GatehouseProperties gatehouse,
      MeterRegistry meters) {
    return new DriftEngine(props, kafka.buildStreamsProperties(), gatehouse.getKafka().getReplicationFactor(), meters);
  }

  @Bean
  Inbox resultsInbox(JdbcTemplate jdbc) {
    return new Inbox(jdbc, WindowResultListener.CONSUMER);
  }

  /**
   * Applies the engine's results, committed offsets after each poll; a result that cannot be applied
   * is retried three times, then set aside in {@code window-results.dlq} (it carries the window, so
   * it can be replayed). Database outages are retried for as long as they last.
   */
  @Bean
  ConcurrentMessageListenerContainer<String, byte[]> windowResultsContainer(KafkaProperties kafka,
      KafkaTemplate<String, byte[]> gatehouseKafkaTemplate, TransactionTemplate transactions, JdbcTemplate jdbc,
      CommandGateway commands, MonitoredVersions versions, DriftLevels levels, MonitoringProperties props, Clock clock,
      MeterRegistry meters) {
    ContainerProperties container = new ContainerProperties(EngineTopics.RESULTS);
    container.setGroupId(WindowResultListener.CONSUMER);
    container.setAckMode(ContainerProperties.AckMode.BATCH);
    container.setMessageListener(new WindowResultListener(resultsInbox(jdbc), transactions, jdbc, commands, versions,
        levels, props, clock, meters));
    Map<String, Object> consumer = kafka.buildConsumerProperties();
    consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(
        new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ByteArrayDeserializer()), container);
    DefaultErrorHandler errors = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(gatehouseKafkaTemplate,
        (record, ex) -> new TopicPartition(record.topic() + ".dlq", -1)), new FixedBackOff(500, 2));
    errors.setBackOffFunction((record, ex) -> isOutage(ex) ? new FixedBackOff(500, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
    listener.setCommonErrorHandler(errors);
    return listener;
  }

  private static boolean isOutage(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof org.springframework.dao.TransientDataAccessException
          || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
          || t instanceof org.springframework.transaction.CannotCreateTransactionException
          || t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }

  /** The engine's settings publisher must retry from its token on an error, never skip an event. */
  @Bean
  ConfigurerModule versionConfigProcessing() {
    return configurer -> configurer.eventProcessing(processing -> processing
        .registerListenerInvocationErrorHandler(VersionConfigPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
        .registerErrorHandler(VersionConfigPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
  }

}
