package io.gatehouse.platform.kafka;

import io.gatehouse.platform.context.ActingContext;
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
 * event's trace, with the event as its cause. A record of a type no consumer accepts is passed over
 * without a transaction.
 */
public class InboundEventListener extends InboundListenerSupport implements MessageListener<String, byte[]> {

  public InboundEventListener(Inbox inbox, List<EventConsumer> consumers, TransactionTemplate transactions,
      String serviceName, MeterRegistry meters) {
    super(inbox, consumers, transactions, serviceName, meters);
  }

  @Override
  public void onMessage(ConsumerRecord<String, byte[]> record) {
    if (!wanted(record)) {
      return;
    }
    ConsumedEvent event = CloudEventRecords.parse(record);
    boolean first = ActingContext.callAs(actingOn(event), () -> transactions.execute(status -> {
      if (!inbox.firstDelivery(event)) {
        return false;
      }
      for (EventConsumer consumer : consumersOf(event.type())) {
        consumer.consume(event);
      }
      return true;
    }));
    count(first ? 1 : 0, 1);
  }
}
