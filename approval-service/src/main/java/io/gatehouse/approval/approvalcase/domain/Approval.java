package io.gatehouse.approval.approvalcase.domain;

import java.time.Instant;

/**
 * The approval a case holds: until when, and whether it came by break-glass (then its retrospective
 * review is due by {@code reviewDueBy}).
 */
public record Approval(Instant approvedAt, Instant validUntil, boolean breakGlass, Instant reviewDueBy) {

  public boolean validAt(Instant t) {
    return t.isBefore(validUntil);
  }
}
