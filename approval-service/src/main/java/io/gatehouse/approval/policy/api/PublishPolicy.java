package io.gatehouse.approval.policy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publish a new version of a policy. The document was parsed and checked before (it names its own
 * policy and version); {@code publishedBy} is the caller's identity.
 */
public record PublishPolicy(
    @TargetAggregateIdentifier String policyName,
    int policyVersion,
    String document,
    String publishedBy) {}
