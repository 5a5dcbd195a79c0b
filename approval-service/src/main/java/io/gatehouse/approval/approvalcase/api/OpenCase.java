package io.gatehouse.approval.approvalcase.api;

import io.gatehouse.approval.policy.domain.TierPolicy;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open the approval case of a submitted version under the policy in force for its tier. */
public record OpenCase(
    @TargetAggregateIdentifier String caseId,
    String modelName,
    int version,
    String artifactSha256,
    String riskTier,
    String policyName,
    int policyVersion,
    TierPolicy requirements,
    String submittedBy,
    List<String> authors) {}
