package io.gatehouse.platform.kafka;

import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.GatehouseEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the service's own events from its event store to its Kafka topic: the event store is
 * the outbox. It runs in a streaming event processor; within one batch the records are sent
 * without waiting, and before the batch's transaction commits (which also stores the processor's
 * token) every send must have been acknowledged by the broker (acks=all, idempotent producer). A
 * failed or unacknowledged send fails the batch, the token stays where it was, and the processor
 * sends the batch again: delivery is at least once, and consumers drop repeats by CloudEvent id.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

  public static final String PROCESSING_GROUP = "kafka-publisher";
  private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

  private final KafkaTemplate<String, byte[]> kafka;
  private final Duration ackTimeout;
  private final Counter published;

  public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, Duration ackTimeout, MeterRegistry meters) {
    this.kafka = kafka;
    this.ackTimeout = ackTimeout;
    this.published = Counter.builder("gatehouse.publisher.events")
        .description("Events acknowledged by Kafka (repeats after a failed batch included)")
        .register(meters);
  }

  @EventHandler
  public void on(Object payload, EventMessage<?> message) throws Exception {
    if (!(payload instanceof GatehouseEvent) || EventCatalog.find(payload.getClass()).isEmpty()) {
      return; // not part of the published language: stays inside the service
    }
    ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(message);
    CompletableFuture<?> sent = kafka.send(record);
    if (!CurrentUnitOfWork.isStarted()) {
      await(List.of(sent));
      return;
    }
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    List<CompletableFuture<?>> pending = root.getOrComputeResource(PENDING, key -> {
      List<CompletableFuture<?>> list = new ArrayList<>();
      root.onPrepareCommit(u -> await(list));
      return list;
    });
    pending.add(sent);
  }

  private void await(List<CompletableFuture<?>> sends) {
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    try {
      for (CompletableFuture<?> f : sends) {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        published.increment();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailed("interrupted while waiting for Kafka acknowledgements", e);
    } catch (ExecutionException e) {
      throw new PublishFailed("Kafka refused an event: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new PublishFailed("no Kafka acknowledgement within " + ackTimeout, e);
    }
  }

  /** The batch could not be published; it will be sent again from the stored token. */
  public static class PublishFailed extends RuntimeException {
    PublishFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
