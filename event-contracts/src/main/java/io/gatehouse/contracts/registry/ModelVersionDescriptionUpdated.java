package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A version's description was replaced ({@code null} clears it).
 */
@CloudEventType("io.gatehouse.registry.ModelVersionDescriptionUpdated.v1")
@Revision("1")
public record ModelVersionDescriptionUpdated(
    String modelName,
    int version,
    String description,
    String updatedBy,
    Instant updatedAt) implements ModelVersionEvent {}
