package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Sign-off on a case reopened for recertification, under the policy in force at that moment: its
 * required gates, sign-offs and validity replace those the case had. Earlier sign-offs no longer
 * count; an approval still valid stays valid until it expires or is replaced.
 */
@CloudEventType("io.gatehouse.approval.CaseReopened.v1")
@Revision("1")
public record CaseReopened(
    String caseId,
    String modelName,
    int version,
    String reason,
    String policyName,
    int policyVersion,
    List<String> requiredGates,
    List<RequiredSignOff> requiredSignOffs,
    String approvalValidFor,
    String reopenedBy,
    Instant reopenedAt) implements ModelVersionEvent {}
