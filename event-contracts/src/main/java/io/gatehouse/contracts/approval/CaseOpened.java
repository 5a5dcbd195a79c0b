package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An approval case was opened for a submitted version under the policy version in force. */
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
    String submittedBy,
    List<String> authors,
    Instant openedAt) implements ModelVersionEvent {}
