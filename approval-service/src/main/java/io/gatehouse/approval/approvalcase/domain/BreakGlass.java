package io.gatehouse.approval.approvalcase.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Emergency approval by two distinct senior approvers:
 * <ul>
 *   <li>only holders of MODEL_RISK or GOVERNANCE_ADMIN take part ({@code break-glass-role}, 403);</li>
 *   <li>neither may have submitted or authored the version ({@code break-glass-separation-of-duties}, 403);</li>
 *   <li>each gives a justification ({@code justification-required}, 422);</li>
 *   <li>the second must be another person than the first ({@code break-glass-second-approver}, 409),
 *       within {@link #CONFIRM_WITHIN} of the first;</li>
 *   <li>not on a rejected case ({@code case-rejected}, 409) nor one already holding a valid approval
 *       ({@code already-approved}, 409).</li>
 * </ul>
 */
public final class BreakGlass {

  public static final Set<String> ROLES = Set.of("MODEL_RISK", "GOVERNANCE_ADMIN");
  /** A first request not confirmed within this time lapses; the next request starts over. */
  public static final Duration CONFIRM_WITHIN = Duration.ofHours(24);

  /** A first approver's request waiting for the second. */
  public record Pending(String requestedBy, String justification, Instant requestedAt) {

    boolean lapsedAt(Instant t) {
      return !t.isBefore(requestedAt.plus(CONFIRM_WITHIN));
    }
  }

  private BreakGlass() {}

  /** Checks a request; returns the pending request it completes, or null when it is the first. */
  public static Pending check(CaseStatus status, Approval approval, boolean suspended, String submittedBy,
      Collection<String> authors, Pending pending, String approver, Set<String> approverRoles, String justification,
      Instant now) {
    if (approverRoles.stream().noneMatch(ROLES::contains)) {
      throw CaseRuleViolation.forbidden("break-glass-role",
          approver + " holds neither MODEL_RISK nor GOVERNANCE_ADMIN; only they may approve by break-glass.");
    }
    if (approver.equals(submittedBy) || authors.contains(approver)) {
      throw CaseRuleViolation.forbidden("break-glass-separation-of-duties",
          approver + " submitted or authored this version and cannot approve it, not even by break-glass.");
    }
    if (justification == null || justification.isBlank()) {
      throw CaseRuleViolation.invalid("justification-required", "A break-glass approval needs a justification.");
    }
    if (status == CaseStatus.REJECTED) {
      throw CaseRuleViolation.conflict("case-rejected", "The case was rejected; break-glass does not overturn a rejection.");
    }
    if (status == CaseStatus.WITHDRAWN) {
      throw CaseRuleViolation.conflict("version-withdrawn",
          "The version was retired or deleted in the registry; it cannot be approved, not even by break-glass.");
    }
    if (approval != null && !suspended && approval.validAt(now)) {
      throw CaseRuleViolation.conflict("already-approved",
          "The version is already approved until " + approval.validUntil() + "; break-glass is not needed.");
    }
    Pending live = pending == null || pending.lapsedAt(now) ? null : pending;
    if (live != null && live.requestedBy().equals(approver)) {
      throw CaseRuleViolation.conflict("break-glass-second-approver",
          approver + " already asked for this break-glass approval; a second, different approver must confirm it.");
    }
    return live;
  }
}
