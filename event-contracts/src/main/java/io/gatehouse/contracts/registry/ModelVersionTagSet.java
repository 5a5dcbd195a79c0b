package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A tag of a version was set: added, or its value replaced.
 */
@CloudEventType("io.gatehouse.registry.ModelVersionTagSet.v1")
@Revision("1")
public record ModelVersionTagSet(
    String modelName,
    int version,
    String key,
    String value,
    String setBy,
    Instant setAt) implements ModelVersionEvent {}
