package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A tag of a version was removed.
 */
@CloudEventType("io.gatehouse.registry.ModelVersionTagDeleted.v1")
@Revision("1")
public record ModelVersionTagDeleted(
    String modelName,
    int version,
    String key,
    String deletedBy,
    Instant deletedAt) implements ModelVersionEvent {}
