package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The version was retired or deleted in the registry, so its case is closed for good: no more
 * sign-offs, no promotion, and admission refuses it, whatever approval it held. {@code reason} is
 * {@code RETIRED} or {@code DELETED}; {@code detail} is the registry's reason text, if any.
 */
@CloudEventType("io.gatehouse.approval.CaseWithdrawn.v1")
@Revision("1")
public record CaseWithdrawn(
    String caseId,
    String modelName,
    int version,
    String reason,
    String detail,
    String withdrawnBy,
    Instant withdrawnAt) implements ModelVersionEvent {}
