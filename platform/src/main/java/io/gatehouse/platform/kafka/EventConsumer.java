package io.gatehouse.platform.kafka;

/**
 * Applies consumed events. Every bean of this type sees every event of the topics the service
 * consumes ({@code gatehouse.kafka.consume}) whose type it {@linkplain #accepts accepts}, inside the
 * one database transaction that also records the event's id: the effect and the record of having had
 * it commit together, or neither does. Throw to refuse an event; after the configured attempts it goes
 * to the dead-letter topic.
 */
public interface EventConsumer {

  void consume(ConsumedEvent event);

  /**
   * Whether events of this CloudEvents type ({@code io.gatehouse.<service>.<Event>.v<n>}) can have an
   * effect here. An event that no consumer of the service accepts is passed over without parsing its
   * data and without a transaction or an inbox row: it has no effect to apply once. Answer the same
   * for the same type every time (the listener remembers the answer). By default every type.
   */
  default boolean accepts(String type) {
    return true;
  }
}
