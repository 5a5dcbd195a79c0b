package io.gatehouse.platform.kafka;

import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.context.Traceparent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each consumed record once in effect: parse and check it, then in one transaction record
 * its CloudEvent id in the {@link Inbox} and let every {@link EventConsumer} apply it. The offset is
 * committed only after that transaction, so a crash in between redelivers the record, and the inbox
 * turns the redelivery into a no-op. Work caused by the event acts as {@code service:<name>}, in the
 * event's trace, with the event as its cause.
 */
public class InboundEventListener implements MessageListener<String, byte[]> {

  private final Inbox inbox;
  private final List<EventConsumer> consumers;
  private final TransactionTemplate transactions;
  private final String serviceActor;
  private final Counter applied;
  private final Counter repeats;

  public InboundEventListener(Inbox inbox, List<EventConsumer> consumers, TransactionTemplate transactions,
      String serviceName, MeterRegistry meters) {
    this.inbox = inbox;
    this.consumers = List.copyOf(consumers);
    this.transactions = transactions;
    this.serviceActor = "service:" + serviceName;
    this.applied = Counter.builder("gatehouse.consumer.events").tag("outcome", "applied")
        .description("Consumed events by outcome").register(meters);
    this.repeats = Counter.builder("gatehouse.consumer.events").tag("outcome", "repeat")
        .description("Consumed events by outcome").register(meters);
  }

  @Override
  public void onMessage(ConsumerRecord<String, byte[]> record) {
    ConsumedEvent event = CloudEventRecords.parse(record);
    Acting acting = new Acting(serviceActor, null, Traceparent.childOf(event.traceparent()), event.id());
    boolean first = ActingContext.callAs(acting, () -> transactions.execute(status -> {
      if (!inbox.firstDelivery(event)) {
        return false;
      }
      for (EventConsumer consumer : consumers) {
        consumer.consume(event);
      }
      return true;
    }));
    (first ? applied : repeats).increment();
  }
}
