package io.gatehouse.platform.kafka;

import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.Traceparent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the record and the batch listener share: the inbox, the consumers, the transaction, the
 * service's acting identity and the {@code gatehouse.consumer.events} counters.
 */
abstract class InboundListenerSupport {

  final Inbox inbox;
  final List<EventConsumer> consumers;
  final TransactionTemplate transactions;
  private final String serviceActor;
  private final Counter applied;
  private final Counter repeats;

  InboundListenerSupport(Inbox inbox, List<EventConsumer> consumers, TransactionTemplate transactions,
      String serviceName, MeterRegistry meters) {
    this.inbox = inbox;
    this.consumers = List.copyOf(consumers);
    this.transactions = transactions;
    this.serviceActor = "service:" + serviceName;
    this.applied = outcomeCounter("applied", meters);
    this.repeats = outcomeCounter("repeat", meters);
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
