package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A version's rollout was held at its current phase; it advances no further until resumed. */
@CloudEventType("io.gatehouse.approval.RolloutPaused.v1")
@Revision("1")
public record RolloutPaused(
    String caseId,
    String modelName,
    int version,
    String stage,
    String rolloutPhase,
    String reason,
    String pausedBy,
    Instant pausedAt) implements ModelVersionEvent {}
