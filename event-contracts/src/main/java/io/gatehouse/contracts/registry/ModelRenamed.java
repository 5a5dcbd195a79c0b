package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A model was renamed to {@code newName}; its later events are keyed by the new name. Only a model with
 * no live versions is renamed: approvals, audit and deployments refer to the name.
 */
@CloudEventType("io.gatehouse.registry.ModelRenamed.v1")
@Revision("1")
public record ModelRenamed(
    String modelName,
    String newName,
    String renamedBy,
    Instant renamedAt) implements ModelEvent {}
