package io.gatehouse.contracts;

/**
 * A domain event that Gatehouse publishes. Each implementation is a record annotated with
 * {@link CloudEventType} and Axon's {@code @Revision}, and is listed in {@link EventCatalog}.
 */
public interface GatehouseEvent {

  /** The Kafka record key: every event about one model lands in one partition, in order. */
  String partitionKey();

  /** The CloudEvents {@code subject}, for example {@code models/fraud/versions/3}. */
  String subject();
}
