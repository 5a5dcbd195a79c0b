package io.gatehouse.approval.approvalcase.domain;

/**
 * Where a case stands. Only an OPEN case takes sign-offs; an OPEN case may still hold an earlier
 * approval (being recertified, or approved by break-glass pending its review). EXPIRED: the approval
 * ran out and no recertification has started. WITHDRAWN: the version was retired or deleted in the
 * registry; nothing more happens to the case.
 */
public enum CaseStatus { OPEN, APPROVED, REJECTED, CHANGES_REQUESTED, EXPIRED, WITHDRAWN }
