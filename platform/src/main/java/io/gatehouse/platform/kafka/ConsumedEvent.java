package io.gatehouse.platform.kafka;

import io.gatehouse.contracts.GatehouseEvent;
import java.time.Instant;

/**
 * One event read from Kafka, parsed and checked.
 *
 * @param id the CloudEvent id: the same on every redelivery
 * @param data the JSON payload exactly as it was on the wire
 */
public record ConsumedEvent(
    String id,
    String type,
    String source,
    String subject,
    Instant time,
    String actor,
    String traceparent,
    String key,
    GatehouseEvent payload,
    byte[] data,
    String topic,
    int partition,
    long offset) {}
