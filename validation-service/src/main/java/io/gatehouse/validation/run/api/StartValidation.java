package io.gatehouse.validation.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a run of a version's evaluation under a policy version; {@code dataSha256} is the declared digest. */
public record StartValidation(
    @TargetAggregateIdentifier String runId,
    String modelName,
    int version,
    String policyName,
    int policyVersion,
    String dataSha256,
    String startedBy) {}
