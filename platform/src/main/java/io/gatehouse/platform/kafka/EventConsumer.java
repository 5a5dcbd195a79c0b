package io.gatehouse.platform.kafka;

/**
 * Applies consumed events. Every bean of this type sees every event of the topics the service
 * consumes ({@code gatehouse.kafka.consume}), inside the one database transaction that also records
 * the event's id: the effect and the record of having had it commit together, or neither does.
 * Throw to refuse an event; after the configured attempts it goes to the dead-letter topic.
 */
public interface EventConsumer {
  void consume(ConsumedEvent event);
}
