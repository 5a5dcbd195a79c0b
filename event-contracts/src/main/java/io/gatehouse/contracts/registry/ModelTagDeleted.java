package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A tag of a model was removed.
 */
@CloudEventType("io.gatehouse.registry.ModelTagDeleted.v1")
@Revision("1")
public record ModelTagDeleted(
    String modelName,
    String key,
    String deletedBy,
    Instant deletedAt) implements ModelEvent {}
