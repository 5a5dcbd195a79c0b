package io.gatehouse.approval.approvalcase.domain;

import java.time.Instant;

/**
 * Payload of the case's persistent deadlines. A deadline whose {@code validUntil} is not the case's
 * current approval's is stale (the approval was renewed, suspended or withdrawn) and does nothing.
 */
public record ApprovalDeadline(Instant validUntil, Instant dueAt) {

  public static final String RECERTIFICATION_DUE = "recertification-due";
  public static final String APPROVAL_EXPIRY = "approval-expiry";
}
