package io.gatehouse.approval.admission;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "may this artifact be deployed?": allowed, or every reason not. Reason codes:
 * {@code unknown-version}, {@code not-approved}, {@code approval-expired}, {@code approval-suspended},
 * {@code case-rejected}, {@code other-digest}, {@code stage-not-granted}.
 */
public record AdmissionDecision(
    boolean allowed,
    String modelName,
    int version,
    String sha256,
    String stage,
    String caseId,
    String approvedSha256,
    Instant approvalValidUntil,
    boolean breakGlass,
    String rolloutPhase,
    Integer trafficPercent,
    List<Reason> reasons,
    Instant decidedAt) {

  /** One reason for a denial. */
  public record Reason(String code, String message) {}

  /** The reasons as one sentence, for clients that show one message. */
  public String summary() {
    if (allowed) {
      return modelName + " version " + version + " is approved" + (stage == null ? "" : " for " + stage) + ".";
    }
    return String.join(" ", reasons.stream().map(Reason::message).toList());
  }
}
