package io.gatehouse.platform.kafka;

import io.gatehouse.platform.context.ActingContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch form of {@link InboundEventListener} ({@code gatehouse.kafka.batch-listener=true}), for a
 * service whose consumers gain from applying many events per transaction. The records of one poll
 * are applied in one transaction: their ids go into the {@link Inbox} together, and the new ones are
 * applied in record order. Effects are the same as record by record: once per event, offsets committed
 * after the transaction. When a record is malformed, or the batch's transaction fails, the records
 * before it are applied one by one and the failing one is reported by its position
 * ({@link BatchListenerFailedException}), so the error handler retries and dead-letters exactly that
 * record, as it does for the record listener. Records of types no consumer accepts are passed over:
 * they are not parsed, and a poll of nothing else opens no transaction.
 */
public class BatchInboundEventListener extends InboundListenerSupport
    implements BatchMessageListener<String, byte[]> {

  public BatchInboundEventListener(Inbox inbox, List<EventConsumer> consumers, TransactionTemplate transactions,
      String serviceName, MeterRegistry meters) {
    super(inbox, consumers, transactions, serviceName, meters);
  }

  @Override
  public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
    List<ConsumedEvent> events = new ArrayList<>(records.size());
    int malformedAt = -1;
    MalformedEvent malformed = null;
    List<Integer> positions = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      if (!wanted(records.get(i))) {
        continue;
      }
      try {
        events.add(CloudEventRecords.parse(records.get(i)));
        positions.add(i);
      } catch (MalformedEvent e) {
        malformedAt = i;
        malformed = e;
        break;
      }
    }
    try {
      applyTogether(events);
    } catch (RuntimeException batchFailed) {
      for (int i = 0; i < events.size(); i++) {
        try {
          applyTogether(List.of(events.get(i)));
        } catch (RuntimeException e) {
          throw new BatchListenerFailedException("event " + events.get(i).id() + " failed", e, positions.get(i));
        }
      }
    }
    if (malformed != null) {
      throw new BatchListenerFailedException(malformed.getMessage(), malformed, malformedAt);
    }
  }

  private void applyTogether(List<ConsumedEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    int fresh = transactions.execute(status -> {
      List<ConsumedEvent> first = inbox.firstDeliveries(events);
      if (first.isEmpty()) {
        return 0;
      }
      for (EventConsumer consumer : consumers) {
        List<ConsumedEvent> its = first.stream().filter(e -> consumersOf(e.type()).contains(consumer)).toList();
        if (its.isEmpty()) {
          continue;
        }
        if (consumer instanceof BatchEventConsumer batch) {
          batch.consumeAll(its);
        } else {
          for (ConsumedEvent e : its) {
            ActingContext.callAs(actingOn(e), () -> {
              consumer.consume(e);
              return null;
            });
          }
        }
      }
      return first.size();
    });
    count(fresh, events.size());
  }
}
