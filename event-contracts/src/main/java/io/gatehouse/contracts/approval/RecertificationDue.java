package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An approval's expiry at {@code expiresAt} is near: the version must be recertified before it. */
@CloudEventType("io.gatehouse.approval.RecertificationDue.v1")
@Revision("1")
public record RecertificationDue(
    String caseId,
    String modelName,
    int version,
    Instant expiresAt,
    Instant dueAt) implements ModelVersionEvent {}
