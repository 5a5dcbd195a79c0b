package io.gatehouse.contracts.validation;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A policy gate did not hold for a version; {@code reason} says why in words. */
@CloudEventType("io.gatehouse.validation.GateFailed.v1")
@Revision("1")
public record GateFailed(
    String runId,
    String modelName,
    int version,
    String gateId,
    String expression,
    List<ObservedValue> observed,
    String policyName,
    int policyVersion,
    String dataSha256,
    long rowCount,
    String reason,
    Instant evaluatedAt) implements ModelVersionEvent {}
