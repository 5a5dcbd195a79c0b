package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A holder of a governance role signed off a case: {@code APPROVE}, {@code REJECT} or {@code REQUEST_CHANGES}. */
@CloudEventType("io.gatehouse.approval.SignOffRecorded.v1")
@Revision("1")
public record SignOffRecorded(
    String caseId,
    String modelName,
    int version,
    String role,
    String signer,
    String signerName,
    String decision,
    String comment,
    Instant recordedAt) implements ModelVersionEvent {}
