package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A version's model card was replaced by revision {@code cardRevision}; {@code missingSections} names
 * the {@link ModelCard} components still empty (the {@code card-complete} gate reads it).
 */
@CloudEventType("io.gatehouse.registry.ModelCardUpdated.v1")
@Revision("2")
public record ModelCardUpdated(
    String modelName,
    int version,
    int cardRevision,
    ModelCard modelCard,
    List<String> missingSections,
    String updatedBy,
    Instant updatedAt) implements ModelVersionEvent {}
