package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An approval case was opened for a submitted version under the policy version in force, with that
 * policy's requirements for the version's tier: gates, sign-offs with quorum, and how long an
 * approval stays valid ({@code approvalValidFor}, an ISO-8601 period such as {@code P180D}).
 */
@CloudEventType("io.gatehouse.approval.CaseOpened.v1")
@Revision("1")
public record CaseOpened(
    String caseId,
    String modelName,
    int version,
    String artifactSha256,
    String riskTier,
    String policyName,
    int policyVersion,
    List<String> requiredGates,
    List<RequiredSignOff> requiredSignOffs,
    String approvalValidFor,
    String submittedBy,
    List<String> authors,
    Instant openedAt) implements ModelVersionEvent {}
