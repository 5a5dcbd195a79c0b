package io.gatehouse.contracts.validation;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A validation run started on a version's evaluation data under a policy version. */
@CloudEventType("io.gatehouse.validation.ValidationStarted.v1")
@Revision("1")
public record ValidationStarted(
    String runId,
    String modelName,
    int version,
    String policyName,
    int policyVersion,
    String dataSha256,
    String startedBy,
    Instant startedAt) implements ModelVersionEvent {}
