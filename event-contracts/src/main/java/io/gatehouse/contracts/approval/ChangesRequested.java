package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A reviewer asked for changes; the case waits for a new submission or card update. */
@CloudEventType("io.gatehouse.approval.ChangesRequested.v1")
@Revision("1")
public record ChangesRequested(
    String caseId,
    String modelName,
    int version,
    String role,
    String requestedBy,
    String comment,
    Instant requestedAt) implements ModelVersionEvent {}
