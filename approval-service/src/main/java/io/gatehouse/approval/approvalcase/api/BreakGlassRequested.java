package io.gatehouse.approval.approvalcase.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The first of the two approvers of an emergency approval acted. Internal to approval-service: the
 * published fact is {@code BreakGlassApproved}, which names both.
 */
@Revision("1")
public record BreakGlassRequested(String caseId, String requestedBy, String justification, Instant requestedAt) {}
