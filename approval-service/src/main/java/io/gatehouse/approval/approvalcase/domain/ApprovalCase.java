package io.gatehouse.approval.approvalcase.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.approval.approvalcase.api.BreakGlassRequested;
import io.gatehouse.approval.approvalcase.api.GateResultNoted;
import io.gatehouse.approval.approvalcase.api.NoteGateResult;
import io.gatehouse.approval.approvalcase.api.OpenCase;
import io.gatehouse.approval.approvalcase.api.RecordSignOff;
import io.gatehouse.approval.approvalcase.api.Recertify;
import io.gatehouse.approval.approvalcase.api.RequestBreakGlass;
import io.gatehouse.approval.approvalcase.api.StageEntered;
import io.gatehouse.approval.approvalcase.api.WithdrawCase;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.domain.PolicyLookup;
import io.gatehouse.approval.policy.domain.Term;
import io.gatehouse.approval.policy.domain.TierPolicy;
import io.gatehouse.contracts.approval.ApprovalExpired;
import io.gatehouse.contracts.approval.ApprovalSuspended;
import io.gatehouse.contracts.approval.Approver;
import io.gatehouse.contracts.approval.BreakGlassApproved;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.CaseReopened;
import io.gatehouse.contracts.approval.CaseWithdrawn;
import io.gatehouse.contracts.approval.ChangesRequested;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.RecertificationDue;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The approval case of one model version. It keeps the policy version it opened under, the gates and
 * sign-offs that policy requires for the version's tier, and who submitted and authored the version.
 * It approves the version, bound to its artifact digest, exactly when every required gate passed and
 * every required role reached its quorum; a REJECT or REQUEST_CHANGES ends it. An approval expires
 * by a persistent deadline, is suspended by drift, renewed by recertification, and may be granted in
 * an emergency by two senior approvers (break-glass).
 *
 * <p>Its repository is the bean {@code approvalCaseRepository} (infra's {@code CaseRepositoryConfiguration}):
 * cases are cached between commands and checked against the event store on every load.
 */
@Aggregate(repository = "approvalCaseRepository")
public class ApprovalCase {

  /** Who acts when the case acts by itself (deadlines, drift policy). */
  public static final String SERVICE_ACTOR = "service:approval";

  @AggregateIdentifier
  private String caseId;
  private String modelName;
  private int version;
  private String artifactSha256;
  private String riskTier;
  private String policyName;
  private int policyVersion;
  private List<String> requiredGates;
  private List<RequiredSignOff> requiredSignOffs;
  private Term approvalValidFor;
  private String submittedBy;
  private List<String> authors;
  private CaseStatus status;
  private Approval approval;
  private boolean suspended;
  private String suspensionReason;
  private Instant lastExpiry;
  private BreakGlass.Pending pendingBreakGlass;
  /** RETIRED or DELETED once the case is WITHDRAWN. */
  private String withdrawal;
  private final List<SignOff> signOffs = new ArrayList<>();
  private final Map<String, String> roleTaken = new HashMap<>();
  private final GateResults gates = new GateResults();

  protected ApprovalCase() {
    // for Axon
  }

  @CommandHandler
  public ApprovalCase(OpenCase cmd, Clock clock) {
    apply(new CaseOpened(cmd.caseId(), cmd.modelName(), cmd.version(), cmd.artifactSha256(), cmd.riskTier(),
        cmd.policyName(), cmd.policyVersion(), cmd.requirements().gateIds(), cmd.requirements().signOffs(),
        cmd.requirements().approvalValidFor().toString(), cmd.submittedBy(),
        cmd.authors() == null ? List.of() : List.copyOf(cmd.authors()), clock.instant()));
  }

  @CommandHandler
  public void handle(RecordSignOff cmd, Clock clock, DeadlineManager deadlines, PolicyLookup policies) {
    if (status != CaseStatus.OPEN) {
      throw CaseRuleViolation.conflict("case-not-open",
          "The case of " + modelName + " version " + version + " is " + status + "; it takes no more sign-offs.");
    }
    Decision decision = Decision.parse(cmd.decision());
    if (requiredSignOffs.stream().noneMatch(r -> r.role().equals(cmd.role()))) {
      throw CaseRuleViolation.invalid("role-not-required",
          "The policy of this case does not ask " + cmd.role() + " to sign off; it asks "
              + requiredSignOffs.stream().map(RequiredSignOff::role).toList() + ".");
    }
    SeparationOfDuties.check(submittedBy, authors, signOffs, roleTaken, cmd.signer(), cmd.signerRoles(), cmd.role());
    if (decision != Decision.APPROVE && (cmd.comment() == null || cmd.comment().isBlank())) {
      throw CaseRuleViolation.invalid("comment-required", decision + " needs a comment saying why.");
    }
    Instant now = clock.instant();
    apply(new SignOffRecorded(caseId, modelName, version, cmd.role(), cmd.signer(), cmd.signerName(),
        decision.name(), cmd.comment(), now));
    switch (decision) {
      case REJECT -> apply(new ModelRejected(caseId, modelName, version, cmd.role(), cmd.signer(), cmd.comment(), now));
      case REQUEST_CHANGES ->
          apply(new ChangesRequested(caseId, modelName, version, cmd.role(), cmd.signer(), cmd.comment(), now));
      case APPROVE -> approveIfComplete(now, deadlines, policies);
    }
  }

  @CommandHandler
  public void handle(NoteGateResult cmd, Clock clock, DeadlineManager deadlines, PolicyLookup policies) {
    if (status != CaseStatus.OPEN || !requiredGates.contains(cmd.gateId())) {
      return; // a closed case, or a gate this case's policy does not ask for: nothing changes
    }
    GateResults.Result previous = gates.get(cmd.gateId());
    if (previous != null && previous.passed() == cmd.passed() && previous.evidence().equals(cmd.evidence())) {
      return; // the same result on the same evidence
    }
    Instant now = clock.instant();
    if (gates.replacesEvidence(cmd.gateId(), cmd.evidence()) && !signOffs.isEmpty()) {
      apply(new SignOffsVoided(caseId, modelName, version, cmd.gateId(), previous.dataSha256(), cmd.dataSha256(),
          signOffs.stream().map(s -> new Approver(s.role(), s.signer())).toList(), now));
    }
    apply(new GateResultNoted(caseId, cmd.gateId(), cmd.passed(), cmd.dataSha256(), cmd.evidence(), cmd.reason(),
        cmd.runId(), now));
    approveIfComplete(now, deadlines, policies);
  }

  /** Reopens sign-off under the policy in force; an approval still valid stays valid meanwhile. */
  @CommandHandler
  public void handle(Recertify cmd, Clock clock, PolicyLookup policies) {
    if (status != CaseStatus.APPROVED && status != CaseStatus.EXPIRED) {
      throw CaseRuleViolation.conflict("not-recertifiable", "Only an approved or expired case is recertified; the case of "
          + modelName + " version " + version + " is " + status + (suspended ? " (suspended)" : "") + ".");
    }
    Policy policy = policies.inForce();
    TierPolicy tier = policy.forTier(riskTier);
    apply(new CaseReopened(caseId, modelName, version, "RECERTIFICATION", policy.name(), policy.version(),
        tier.gateIds(), tier.signOffs(), tier.approvalValidFor().toString(), cmd.requestedBy(), clock.instant()));
  }

  @CommandHandler
  public String handle(RequestBreakGlass cmd, Clock clock, DeadlineManager deadlines, PolicyLookup policies) {
    Instant now = clock.instant();
    BreakGlass.Pending first = BreakGlass.check(status, approval, suspended, submittedBy, authors, pendingBreakGlass,
        cmd.approver(), cmd.approverRoles(), cmd.justification(), now);
    if (first == null) {
      apply(new BreakGlassRequested(caseId, cmd.approver(), cmd.justification(), now));
      return "AWAITING_SECOND_APPROVER";
    }
    Instant reviewDueBy = tierPolicy(policies).breakGlassReviewWithin().after(now);
    apply(new BreakGlassApproved(caseId, modelName, version, artifactSha256, List.of(first.requestedBy(), cmd.approver()),
        first.justification() + "\n(confirmed by " + cmd.approver() + ": " + cmd.justification() + ")",
        reviewDueBy, now));
    // An emergency approval lasts until its review is due: the regular sign-off must renew it by then.
    deadlines.schedule(reviewDueBy, ApprovalDeadline.APPROVAL_EXPIRY, new ApprovalDeadline(reviewDueBy, reviewDueBy));
    return "APPROVED";
  }

  /** Closes the case for good: its version was retired or deleted in the registry. Idempotent. */
  @CommandHandler
  public void handle(WithdrawCase cmd, Clock clock) {
    if (status == CaseStatus.WITHDRAWN) {
      return;
    }
    apply(new CaseWithdrawn(caseId, modelName, version, cmd.reason(), cmd.detail(), cmd.withdrawnBy(),
        clock.instant()));
  }

  @DeadlineHandler(deadlineName = ApprovalDeadline.RECERTIFICATION_DUE)
  public void recertificationDue(ApprovalDeadline due) {
    if (status != CaseStatus.WITHDRAWN && approval != null && approval.validUntil().equals(due.validUntil())) {
      apply(new RecertificationDue(caseId, modelName, version, due.validUntil(), due.dueAt()));
    }
  }

  @DeadlineHandler(deadlineName = ApprovalDeadline.APPROVAL_EXPIRY)
  public void expire(ApprovalDeadline due) {
    if (approval != null && approval.validUntil().equals(due.validUntil())) {
      apply(new ApprovalExpired(caseId, modelName, version, due.validUntil()));
    }
  }

  /**
   * Where the version stands at {@code now}: approved, or every reason it is not. Read-only; used by
   * promotion and admission.
   */
  public Standing standing(Instant now) {
    List<Standing.Reason> reasons = new ArrayList<>();
    if (status == CaseStatus.WITHDRAWN) {
      reasons.add(new Standing.Reason("version-withdrawn", "Version " + version + " of " + modelName + " was "
          + withdrawal.toLowerCase(java.util.Locale.ROOT) + " in the registry; it can no longer be approved,"
          + " promoted or deployed."));
    } else if (approval == null || !approval.validAt(now)) {
      if (status == CaseStatus.REJECTED) {
        reasons.add(new Standing.Reason("case-rejected", "Version " + version + " of " + modelName + " was rejected."));
      } else if (suspended) {
        reasons.add(new Standing.Reason("approval-suspended", "The approval of version " + version + " of " + modelName
            + " is suspended (" + suspensionReason + "); it needs to be approved again. Waiting for " + waitingFor()
            + "."));
      } else if (approval != null || lastExpiry != null) {
        Instant expired = approval != null ? approval.validUntil() : lastExpiry;
        reasons.add(new Standing.Reason("approval-expired", "The approval of version " + version + " of " + modelName
            + " expired at " + expired + "; recertify it."));
      } else {
        reasons.add(new Standing.Reason("not-approved", "Version " + version + " of " + modelName
            + " is not approved (case " + status + "). Waiting for " + waitingFor() + "."));
      }
    }
    return new Standing(caseId, modelName, version, artifactSha256, riskTier, policyName, policyVersion, status,
        approval, suspended, List.copyOf(reasons), now);
  }

  /** The tier's requirements under the policy version the case currently follows. */
  public TierPolicy tierPolicy(PolicyLookup policies) {
    return policies.version(policyName, policyVersion).forTier(riskTier);
  }

  /** Lets the version into a stage: only with an unexpired, unsuspended approval. */
  public void enterStage(String stage, String phase, int trafficPercent, Instant now) {
    standing(now).requireApproved();
    apply(new StageEntered(caseId, stage, phase, trafficPercent, now));
  }

  /** Suspends the approval and reopens sign-off; returns false when there is no approval to suspend. */
  public boolean suspend(String reason, String driftSignalId, String suspendedBy, Instant now) {
    if (approval == null) {
      return false;
    }
    apply(new ApprovalSuspended(caseId, modelName, version, reason, driftSignalId, suspendedBy, now));
    return true;
  }

  private String waitingFor() {
    List<String> waiting = new ArrayList<>();
    for (String gate : gates.notPassed(requiredGates)) {
      waiting.add("gate " + gate);
    }
    for (Map.Entry<String, Integer> m : Quorum.missing(requiredSignOffs, signOffs).entrySet()) {
      waiting.add(m.getValue() + " " + m.getKey() + " sign-off" + (m.getValue() > 1 ? "s" : ""));
    }
    return waiting.isEmpty() ? "nothing" : String.join(", ", waiting);
  }

  private void approveIfComplete(Instant now, DeadlineManager deadlines, PolicyLookup policies) {
    if (status == CaseStatus.OPEN && gates.notPassed(requiredGates).isEmpty()
        && Quorum.reached(requiredSignOffs, signOffs)) {
      List<Approver> approvers = signOffs.stream()
          .filter(s -> s.decision() == Decision.APPROVE)
          .map(s -> new Approver(s.role(), s.signer())).toList();
      Instant validUntil = approvalValidFor.after(now);
      apply(new ModelApproved(caseId, modelName, version, artifactSha256, policyName, policyVersion,
          validUntil, approvers, now));
      scheduleDeadlines(validUntil, tierPolicy(policies), now, deadlines);
    }
  }

  private void scheduleDeadlines(Instant validUntil, TierPolicy tier, Instant now, DeadlineManager deadlines) {
    Instant dueAt = tier.recertifyBefore().before(validUntil);
    if (dueAt.isBefore(now)) {
      dueAt = now;
    }
    deadlines.schedule(dueAt, ApprovalDeadline.RECERTIFICATION_DUE, new ApprovalDeadline(validUntil, dueAt));
    deadlines.schedule(validUntil, ApprovalDeadline.APPROVAL_EXPIRY, new ApprovalDeadline(validUntil, validUntil));
  }

  @EventSourcingHandler
  void on(CaseOpened e) {
    caseId = e.caseId();
    modelName = e.modelName();
    version = e.version();
    artifactSha256 = e.artifactSha256();
    riskTier = e.riskTier();
    policyName = e.policyName();
    policyVersion = e.policyVersion();
    requiredGates = List.copyOf(e.requiredGates());
    requiredSignOffs = List.copyOf(e.requiredSignOffs());
    approvalValidFor = Term.parse(e.approvalValidFor());
    submittedBy = e.submittedBy();
    authors = List.copyOf(e.authors());
    status = CaseStatus.OPEN;
  }

  @EventSourcingHandler
  void on(CaseWithdrawn e) {
    status = CaseStatus.WITHDRAWN;
    withdrawal = e.reason();
    approval = null;
    pendingBreakGlass = null;
  }

  @EventSourcingHandler
  void on(SignOffRecorded e) {
    signOffs.add(new SignOff(e.role(), e.signer(), Decision.valueOf(e.decision())));
    roleTaken.putIfAbsent(e.signer(), e.role());
  }

  @EventSourcingHandler
  void on(SignOffsVoided e) {
    signOffs.clear();
  }

  @EventSourcingHandler
  void on(GateResultNoted e) {
    gates.put(e.gateId(), new GateResults.Result(e.passed(), e.dataSha256(), e.evidence(), e.reason()));
  }

  @EventSourcingHandler
  void on(ModelApproved e) {
    status = CaseStatus.APPROVED;
    approval = new Approval(e.approvedAt(), e.validUntil(), false, null);
    suspended = false;
    suspensionReason = null;
    pendingBreakGlass = null;
  }

  @EventSourcingHandler
  void on(ModelRejected e) {
    status = CaseStatus.REJECTED;
    approval = null;
  }

  @EventSourcingHandler
  void on(ChangesRequested e) {
    status = CaseStatus.CHANGES_REQUESTED;
    approval = null;
  }

  @EventSourcingHandler
  void on(ApprovalSuspended e) {
    approval = null;
    suspended = true;
    suspensionReason = e.reason();
    signOffs.clear();
    status = CaseStatus.OPEN;
  }

  @EventSourcingHandler
  void on(ApprovalExpired e) {
    approval = null;
    lastExpiry = e.expiredAt();
    if (status == CaseStatus.APPROVED) {
      status = CaseStatus.EXPIRED;
    }
  }

  @EventSourcingHandler
  void on(CaseReopened e) {
    policyName = e.policyName();
    policyVersion = e.policyVersion();
    requiredGates = List.copyOf(e.requiredGates());
    requiredSignOffs = List.copyOf(e.requiredSignOffs());
    approvalValidFor = Term.parse(e.approvalValidFor());
    status = CaseStatus.CHANGES_REQUESTED; // anything but OPEN, so that reopen() starts a new round
    reopen();
  }

  /** A new round of sign-off: earlier sign-offs no longer count (who signed in which role is kept). */
  private void reopen() {
    if (status != CaseStatus.OPEN) {
      signOffs.clear();
      status = CaseStatus.OPEN;
    }
  }

  @EventSourcingHandler
  void on(BreakGlassRequested e) {
    pendingBreakGlass = new BreakGlass.Pending(e.requestedBy(), e.justification(), e.requestedAt());
  }

  @EventSourcingHandler
  void on(BreakGlassApproved e) {
    approval = new Approval(e.approvedAt(), e.reviewDueBy(), true, e.reviewDueBy());
    suspended = false;
    suspensionReason = null;
    pendingBreakGlass = null;
    reopen(); // the retrospective review is a regular sign-off
  }
}
