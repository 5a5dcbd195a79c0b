package io.gatehouse.contracts.validation;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A policy gate held for a version. Expression, observed values, policy version and data digest
 * are all here so that anyone can reproduce the decision.
 */
@CloudEventType("io.gatehouse.validation.GatePassed.v1")
@Revision("1")
public record GatePassed(
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
    Instant evaluatedAt) implements ModelVersionEvent {}
