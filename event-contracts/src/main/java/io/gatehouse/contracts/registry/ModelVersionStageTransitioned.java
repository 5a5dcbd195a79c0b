package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A version moved to another MLflow stage ({@code None}, {@code Staging}, {@code Production},
 * {@code Archived}). A move to Staging or Production is a promotion that approval-service granted:
 * {@code caseId} names its case; it is null for the other stages.
 */
@CloudEventType("io.gatehouse.registry.ModelVersionStageTransitioned.v1")
@Revision("1")
public record ModelVersionStageTransitioned(
    String modelName,
    int version,
    String fromStage,
    String toStage,
    String caseId,
    String transitionedBy,
    Instant transitionedAt) implements ModelVersionEvent {}
