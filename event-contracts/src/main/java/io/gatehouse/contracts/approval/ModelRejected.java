package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A reviewer rejected the version; the case is closed and the version cannot be approved. */
@CloudEventType("io.gatehouse.approval.ModelRejected.v1")
@Revision("1")
public record ModelRejected(
    String caseId,
    String modelName,
    int version,
    String role,
    String rejectedBy,
    String comment,
    Instant rejectedAt) implements ModelVersionEvent {}
