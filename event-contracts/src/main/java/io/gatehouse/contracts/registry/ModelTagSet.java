package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A tag of a model was set: added, or its value replaced.
 */
@CloudEventType("io.gatehouse.registry.ModelTagSet.v1")
@Revision("1")
public record ModelTagSet(
    String modelName,
    String key,
    String value,
    String setBy,
    Instant setAt) implements ModelEvent {}
