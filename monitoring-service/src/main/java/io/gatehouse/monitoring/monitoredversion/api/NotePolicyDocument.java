package io.gatehouse.monitoring.monitoredversion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A policy document that may be the one in force for the version became known (its case's version,
 * or a newer default policy while it has no case): what the engine holds of it (the window size)
 * is to be re-read.
 */
public record NotePolicyDocument(@TargetAggregateIdentifier String id, String policyName, int policyVersion) {}
