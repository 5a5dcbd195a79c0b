package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A model's description was replaced ({@code null} clears it).
 */
@CloudEventType("io.gatehouse.registry.ModelDescriptionUpdated.v1")
@Revision("1")
public record ModelDescriptionUpdated(
    String modelName,
    String description,
    String updatedBy,
    Instant updatedAt) implements ModelEvent {}
