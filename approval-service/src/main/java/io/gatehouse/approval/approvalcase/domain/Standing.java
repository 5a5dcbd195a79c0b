package io.gatehouse.approval.approvalcase.domain;

import java.time.Instant;
import java.util.List;

/**
 * Whether a case's version may be deployed or promoted at an instant, and every reason it may not.
 * Reason codes: {@code not-approved}, {@code approval-expired}, {@code approval-suspended},
 * {@code case-rejected}, {@code version-withdrawn}.
 */
public record Standing(
    String caseId,
    String modelName,
    int version,
    String artifactSha256,
    String riskTier,
    String policyName,
    int policyVersion,
    CaseStatus status,
    Approval approval,
    boolean suspended,
    List<Reason> reasons,
    Instant at) {

  /** Why not, with the rule's code. */
  public record Reason(String code, String message) {}

  public boolean approved() {
    return reasons.isEmpty();
  }

  /** Throws the first reason as a 409 rule violation when the version may not be promoted. */
  public void requireApproved() {
    if (!reasons.isEmpty()) {
      throw CaseRuleViolation.conflict(reasons.get(0).code(), reasons.get(0).message());
    }
  }
}
