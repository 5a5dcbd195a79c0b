package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Every gate passed and every required role reached its quorum: the artifact with
 * {@code artifactSha256} (and no other bytes) is approved until {@code validUntil}.
 */
@CloudEventType("io.gatehouse.approval.ModelApproved.v1")
@Revision("1")
public record ModelApproved(
    String caseId,
    String modelName,
    int version,
    String artifactSha256,
    String policyName,
    int policyVersion,
    Instant validUntil,
    List<Approver> approvers,
    Instant approvedAt) implements ModelVersionEvent {}
