package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A version was deleted: it no longer shows, its aliases are removed, and its number is never given
 * again.
 */
@CloudEventType("io.gatehouse.registry.ModelVersionDeleted.v1")
@Revision("1")
public record ModelVersionDeleted(
    String modelName,
    int version,
    String deletedBy,
    Instant deletedAt) implements ModelVersionEvent {}
