package io.gatehouse.platform.kafka;

import io.gatehouse.platform.GatehouseProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka side of every service: its topics, the publisher of its own events (when
 * {@code gatehouse.service} is set) and the consumer of the topics in {@code gatehouse.kafka.consume}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(GatehouseProperties.class)
public class GatehouseKafkaConfiguration {

  public static final String DLQ_SUFFIX = ".dlq";

  @Bean
  public KafkaTemplate<String, byte[]> gatehouseKafkaTemplate(KafkaProperties kafka) {
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
        kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer()));
  }

  /** Creates missing topics at start: the service's own, those it consumes, and their dead-letter topics. */
  @Bean
  public KafkaAdmin.NewTopics gatehouseTopics(GatehouseProperties props) {
    Set<String> names = new LinkedHashSet<>();
    if (props.getService() != null) {
      names.add(props.getService().topic());
    }
    for (String consumed : props.getKafka().getConsume()) {
      names.add(consumed);
      names.add(consumed + DLQ_SUFFIX);
    }
    List<NewTopic> topics = new ArrayList<>();
    for (String name : names) {
      topics.add(new NewTopic(name, props.getKafka().getPartitions(), props.getKafka().getReplicationFactor()));
    }
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }

  @Bean
  @ConditionalOnProperty("gatehouse.service")
  public KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, byte[]> gatehouseKafkaTemplate,
      GatehouseProperties props, MeterRegistry meters) {
    return new KafkaEventPublisher(gatehouseKafkaTemplate, props.getKafka().getAckTimeout(), meters);
  }

  /**
   * The publisher's processor must stop on an error and retry from its token; Axon's default for
   * handlers is to log and skip the event, which here would lose it.
   */
  @Bean
  @ConditionalOnProperty("gatehouse.service")
  public ConfigurerModule kafkaPublisherProcessing() {
    return configurer -> configurer.eventProcessing(processing -> processing
        .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
            c -> PropagatingErrorHandler.instance())
        .registerErrorHandler(KafkaEventPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
        .registerSequencingPolicy(KafkaEventPublisher.PROCESSING_GROUP, c -> new PartitionKeySequencingPolicy()));
  }

  /** The inbox table; a service whose own effects already record every event id may bring its own. */
  @Bean
  @ConditionalOnConsumedTopics
  @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(Inbox.class)
  public Inbox inbox(JdbcTemplate jdbc, KafkaProperties kafka) {
    return new Inbox(jdbc, kafka.getConsumer().getGroupId());
  }

  @Bean
  @ConditionalOnConsumedTopics
  public ConcurrentMessageListenerContainer<String, byte[]> gatehouseInboundContainer(
      GatehouseProperties props, KafkaProperties kafka, KafkaTemplate<String, byte[]> gatehouseKafkaTemplate,
      Inbox inbox, ObjectProvider<EventConsumer> consumers, TransactionTemplate transactions,
      @Value("${spring.application.name}") String serviceName, MeterRegistry meters) {
    GatehouseProperties.Kafka k = props.getKafka();
    ContainerProperties container = new ContainerProperties(k.getConsume().toArray(String[]::new));
    container.setGroupId(kafka.getConsumer().getGroupId());
    container.setAckMode(ContainerProperties.AckMode.BATCH);
    container.setMessageListener(k.isBatchListener()
        ? new BatchInboundEventListener(inbox, consumers.orderedStream().toList(), transactions, serviceName, meters)
        : new InboundEventListener(inbox, consumers.orderedStream().toList(), transactions, serviceName, meters));

    ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(
        new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(), new StringDeserializer(),
            new ByteArrayDeserializer()),
        container);
    listener.setConcurrency(k.getConcurrency());
    listener.setCommonErrorHandler(errorHandler(k, gatehouseKafkaTemplate, inbox.consumer(), meters));
    return listener;
  }

  /**
   * Retries a failing record a few times, then sends it to {@code <topic>.dlq} with the reason in
   * headers and counts it. Malformed records go there at once. While the database is unreachable the
   * record is retried for as long as that lasts: an outage is not the event's fault.
   */
  static DefaultErrorHandler errorHandler(GatehouseProperties.Kafka k, KafkaTemplate<String, byte[]> template,
      String consumer, MeterRegistry meters) {
    DeadLetterPublishingRecoverer dlq = new DeadLetterPublishingRecoverer(template,
        (record, ex) -> new TopicPartition(record.topic() + DLQ_SUFFIX, -1));
    dlq.addHeadersFunction((record, ex) -> {
      RecordHeaders headers = new RecordHeaders();
      headers.add(CloudEventHeaders.DLQ_REASON, describe(ex).getBytes(StandardCharsets.UTF_8));
      headers.add(CloudEventHeaders.DLQ_CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
      return headers;
    });
    ConsumerRecordRecoverer counted = (record, ex) -> {
      dlq.accept(record, ex);
      Counter.builder("gatehouse.consumer.dead.letters")
          .description("Records sent to a dead-letter topic")
          .tag("topic", record.topic())
          .tag("reason", reasonTag(ex))
          .register(meters)
          .increment();
    };
    DefaultErrorHandler handler = new DefaultErrorHandler(counted,
        new FixedBackOff(k.getRetryIntervalMs(), Math.max(0, k.getMaxAttempts() - 1)));
    handler.addNotRetryableExceptions(MalformedEvent.class);
    handler.setBackOffFunction((record, ex) -> isOutage(ex)
        ? new FixedBackOff(k.getRetryIntervalMs(), FixedBackOff.UNLIMITED_ATTEMPTS)
        : null);
    return handler;
  }

  static boolean isOutage(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
          || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }

  /** Our own words if the record was malformed, else the innermost cause's message. */
  static String describe(Throwable ex) {
    Throwable root = ex;
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof MalformedEvent) {
        root = t;
        break;
      }
      root = t;
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 2000 ? message.substring(0, 2000) : message;
  }

  static String reasonTag(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof MalformedEvent m) {
        return m.reason();
      }
    }
    return "processing-failed";
  }
}
