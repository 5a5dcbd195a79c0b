package io.gatehouse.approval.caseview;

import io.gatehouse.contracts.approval.RequiredSignOff;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer or a pipeline reads about a case. {@code approvedAt} and {@code validUntil} are
 * those of the approval the case holds now (null when it holds none); {@code stages} are the stages
 * its version is in, with the rollout phase and traffic share.
 */
public record CaseView(
    String caseId,
    String modelName,
    int version,
    String artifactSha256,
    String riskTier,
    String policyName,
    int policyVersion,
    String status,
    List<String> requiredGates,
    List<RequiredSignOff> requiredSignOffs,
    Map<String, Gate> gates,
    List<SignOffView> signOffs,
    Map<String, Integer> awaiting,
    List<String> gatesNotPassed,
    String submittedBy,
    List<String> authors,
    Instant openedAt,
    Instant approvedAt,
    Instant validUntil,
    boolean suspended,
    String suspensionReason,
    BreakGlassView breakGlass,
    Instant recertificationDueAt,
    Instant expiredAt,
    Map<String, StageView> stages,
    Instant updatedAt) {

  /** A gate's latest result on the case. */
  public record Gate(boolean passed, String dataSha256, String reason) {}

  /** A sign-off as recorded. */
  public record SignOffView(String role, String signer, String signerName, String decision, String comment,
      Instant at) {}

  /** An emergency approval; {@code reviewed} once the regular sign-off approved the version after it. */
  public record BreakGlassView(List<String> approvers, String justification, Instant approvedAt, Instant reviewDueBy,
      boolean reviewed) {}

  /** The version's place in a stage. */
  public record StageView(String phase, int trafficPercent, Instant since) {}

  Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes to a view, applied by the projection. */
  static final class Builder {
    String status;
    List<String> requiredGates;
    List<RequiredSignOff> requiredSignOffs;
    String policyName;
    int policyVersion;
    Map<String, Gate> gates;
    List<SignOffView> signOffs;
    Instant approvedAt;
    Instant validUntil;
    boolean suspended;
    String suspensionReason;
    BreakGlassView breakGlass;
    Instant recertificationDueAt;
    Instant expiredAt;
    Map<String, StageView> stages;
    private final CaseView v;

    private Builder(CaseView v) {
      this.v = v;
      status = v.status();
      requiredGates = v.requiredGates();
      requiredSignOffs = v.requiredSignOffs();
      policyName = v.policyName();
      policyVersion = v.policyVersion();
      gates = v.gates();
      signOffs = v.signOffs();
      approvedAt = v.approvedAt();
      validUntil = v.validUntil();
      suspended = v.suspended();
      suspensionReason = v.suspensionReason();
      breakGlass = v.breakGlass();
      recertificationDueAt = v.recertificationDueAt();
      expiredAt = v.expiredAt();
      stages = v.stages() == null ? Map.of() : v.stages();
    }

    CaseView build(Map<String, Integer> awaiting, List<String> gatesNotPassed, Instant updatedAt) {
      return new CaseView(v.caseId(), v.modelName(), v.version(), v.artifactSha256(), v.riskTier(), policyName,
          policyVersion, status, requiredGates, requiredSignOffs, gates, signOffs, awaiting, gatesNotPassed,
          v.submittedBy(), v.authors(), v.openedAt(), approvedAt, validUntil, suspended, suspensionReason, breakGlass,
          recertificationDueAt, expiredAt, stages, updatedAt);
    }
  }
}
