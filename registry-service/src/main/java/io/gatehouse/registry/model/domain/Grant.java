package io.gatehouse.registry.model.domain;

import java.util.List;

/**
 * What approval-service has granted a version, as the registry learnt it from approval-service's
 * events.
 *
 * @param caseStatus OPEN, APPROVED, REJECTED, CHANGES_REQUESTED or EXPIRED
 * @param approvedSha256 the digest the approval is bound to, or null
 * @param approvalStands whether an approval (or an emergency approval) is in force now: not suspended,
 *     not expired, not past its validity
 * @param standingProblem why the approval does not stand (suspended, expired, rejected), or null
 * @param stages approval-service's stages the version holds or rolls out in ({@code staging},
 *     {@code production})
 * @param waitingFor what the case waits for, in words, or null
 */
public record Grant(String caseId, String caseStatus, String approvedSha256, boolean approvalStands,
    String standingProblem, List<String> stages, String waitingFor) {

  public boolean holds(String approvalStage) {
    return stages.contains(approvalStage);
  }
}
