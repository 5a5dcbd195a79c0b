package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Two or more distinct senior approvers approved a version in an emergency, bypassing the normal
 * quorum; a retrospective review is due by {@code reviewDueBy}.
 */
@CloudEventType("io.gatehouse.approval.BreakGlassApproved.v1")
@Revision("1")
public record BreakGlassApproved(
    String caseId,
    String modelName,
    int version,
    String artifactSha256,
    List<String> approvers,
    String justification,
    Instant reviewDueBy,
    Instant approvedAt) implements ModelVersionEvent {}
