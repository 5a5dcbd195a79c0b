package io.gatehouse.platform.kafka;

import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.Traceparent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the record and the batch listener share: the inbox, the consumers, the transaction, the
 * service's acting identity, which event types any consumer accepts, and the
 * {@code gatehouse.consumer.events} counters.
 */
abstract class InboundListenerSupport {

  final Inbox inbox;
  final List<EventConsumer> consumers;
  final TransactionTemplate transactions;
  private final String serviceActor;
  private final Counter applied;
  private final Counter repeats;
  private final Counter passedOver;
  /** The consumers that accept each event type seen so far, in consumer order (asked once per type). */
  private final Map<String, List<EventConsumer>> consumersByType = new ConcurrentHashMap<>();

  InboundListenerSupport(Inbox inbox, List<EventConsumer> consumers, TransactionTemplate transactions,
      String serviceName, MeterRegistry meters) {
    this.inbox = inbox;
    this.consumers = List.copyOf(consumers);
    this.transactions = transactions;
    this.serviceActor = "service:" + serviceName;
    this.applied = outcomeCounter("applied", meters);
    this.repeats = outcomeCounter("repeat", meters);
    this.passedOver = outcomeCounter("passed-over", meters);
  }

  /**
   * Whether some consumer accepts the record's event type. A record without a type header is
   * wanted, so that parsing it reports it as malformed; a type nobody accepts is counted as passed
   * over and costs nothing more (its data is not even parsed).
   */
  final boolean wanted(ConsumerRecord<String, byte[]> record) {
    String type = CloudEventRecords.header(record.headers(), CloudEventHeaders.TYPE);
    if (type == null || !consumersOf(type).isEmpty()) {
      return true;
    }
    passedOver.increment();
    return false;
  }

  /** The consumers that accept events of this type. */
  final List<EventConsumer> consumersOf(String type) {
    return consumersByType.computeIfAbsent(type, t -> consumers.stream().filter(c -> c.accepts(t)).toList());
  }

  private static Counter outcomeCounter(String outcome, MeterRegistry meters) {
    return Counter.builder("gatehouse.consumer.events").tag("outcome", outcome)
        .description("Consumed events by outcome").register(meters);
  }

  /** Work caused by the event acts as the service, in the event's trace, with the event as its cause. */
  final Acting actingOn(ConsumedEvent event) {
    return new Acting(serviceActor, null, Traceparent.childOf(event.traceparent()), event.id());
  }

  /** Counts {@code fresh} of {@code delivered} events as applied, the rest as repeats. */
  final void count(int fresh, int delivered) {
    applied.increment(fresh);
    repeats.increment(delivered - fresh);
  }
}
