package io.gatehouse.approval.approvalcase.domain;

/** Where a case stands. Only an OPEN case takes sign-offs. */
public enum CaseStatus { OPEN, APPROVED, REJECTED, CHANGES_REQUESTED }
