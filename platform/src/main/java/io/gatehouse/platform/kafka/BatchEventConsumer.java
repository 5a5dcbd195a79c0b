package io.gatehouse.platform.kafka;

import java.util.List;

/**
 * An {@link EventConsumer} that can also apply several events at once. With
 * {@code gatehouse.kafka.batch-listener=true} the records of one poll that were not seen before are
 * handed over together, in record order, inside the one transaction that records their ids in the
 * inbox; a consumer that is not of this type gets them one by one in the same transaction.
 */
public interface BatchEventConsumer extends EventConsumer {

  void consumeAll(List<ConsumedEvent> events);

  @Override
  default void consume(ConsumedEvent event) {
    consumeAll(List.of(event));
  }
}
