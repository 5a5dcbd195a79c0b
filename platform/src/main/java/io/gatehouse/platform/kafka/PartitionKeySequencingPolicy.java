package io.gatehouse.platform.kafka;

import io.gatehouse.contracts.GatehouseEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Keeps every event of one model in one processor segment, in order, as the Kafka key keeps them in
 * one partition: events of a model come from several aggregates, so per-aggregate order is not enough.
 */
public class PartitionKeySequencingPolicy implements SequencingPolicy<EventMessage<?>> {

  @Override
  public Object getSequenceIdentifierFor(EventMessage<?> event) {
    return event.getPayload() instanceof GatehouseEvent e ? e.partitionKey() : event.getIdentifier();
  }
}
