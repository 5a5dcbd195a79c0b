package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A version's approval reached its validity end unrecertified; it blocks deployment from now on. */
@CloudEventType("io.gatehouse.approval.ApprovalExpired.v1")
@Revision("1")
public record ApprovalExpired(
    String caseId,
    String modelName,
    int version,
    Instant expiredAt) implements ModelVersionEvent {}
