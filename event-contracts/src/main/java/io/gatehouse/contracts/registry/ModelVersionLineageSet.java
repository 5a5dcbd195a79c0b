package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A version's lineage was given or replaced after it was created (the native API or MLflow tag
 * {@code gatehouse.lineage}). The artifact is unchanged.
 */
@CloudEventType("io.gatehouse.registry.ModelVersionLineageSet.v1")
@Revision("1")
public record ModelVersionLineageSet(
    String modelName,
    int version,
    Lineage lineage,
    String setBy,
    Instant setAt) implements ModelVersionEvent {}
