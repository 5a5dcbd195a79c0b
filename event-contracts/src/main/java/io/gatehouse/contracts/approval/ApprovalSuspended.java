package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A version's approval was suspended and sign-off reopened; {@code driftSignalId} is the drift
 * signal that caused it, or null for a manual suspension.
 */
@CloudEventType("io.gatehouse.approval.ApprovalSuspended.v1")
@Revision("1")
public record ApprovalSuspended(
    String caseId,
    String modelName,
    int version,
    String reason,
    String driftSignalId,
    String suspendedBy,
    Instant suspendedAt) implements ModelVersionEvent {}
