package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A model was deleted, with its versions, tags and aliases (each version's deletion is its own event).
 * The name may be registered again; version numbers continue, so a number is never given twice.
 */
@CloudEventType("io.gatehouse.registry.ModelDeleted.v1")
@Revision("1")
public record ModelDeleted(
    String modelName,
    String deletedBy,
    Instant deletedAt) implements ModelEvent {}
