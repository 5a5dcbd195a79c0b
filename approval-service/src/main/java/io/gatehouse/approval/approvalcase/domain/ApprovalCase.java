package io.gatehouse.approval.approvalcase.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.approval.approvalcase.api.GateResultNoted;
import io.gatehouse.approval.approvalcase.api.NoteGateResult;
import io.gatehouse.approval.approvalcase.api.OpenCase;
import io.gatehouse.approval.approvalcase.api.RecordSignOff;
import io.gatehouse.contracts.approval.Approver;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.ChangesRequested;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The approval case of one model version. It keeps the policy version it opened under, the gates and
 * sign-offs that policy requires for the version's tier, and who submitted and authored the version.
 * It approves the version, bound to its artifact digest, exactly when every required gate passed and
 * every required role reached its quorum; a REJECT or REQUEST_CHANGES ends it.
 */
@Aggregate
public class ApprovalCase {

  @AggregateIdentifier
  private String caseId;
  private String modelName;
  private int version;
  private String artifactSha256;
  private String policyName;
  private int policyVersion;
  private List<String> requiredGates;
  private List<RequiredSignOff> requiredSignOffs;
  private Period approvalValidFor;
  private String submittedBy;
  private List<String> authors;
  private CaseStatus status;
  private final List<SignOff> signOffs = new ArrayList<>();
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
  public void handle(RecordSignOff cmd, Clock clock) {
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
    SeparationOfDuties.check(submittedBy, authors, signOffs, cmd.signer(), cmd.signerRoles(), cmd.role());
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
      case APPROVE -> approveIfComplete(now);
    }
  }

  @CommandHandler
  public void handle(NoteGateResult cmd, Clock clock) {
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
    approveIfComplete(now);
  }

  private void approveIfComplete(Instant now) {
    if (status == CaseStatus.OPEN && gates.notPassed(requiredGates).isEmpty()
        && Quorum.reached(requiredSignOffs, signOffs)) {
      List<Approver> approvers = signOffs.stream()
          .filter(s -> s.decision() == Decision.APPROVE)
          .map(s -> new Approver(s.role(), s.signer())).toList();
      apply(new ModelApproved(caseId, modelName, version, artifactSha256, policyName, policyVersion,
          now.atOffset(ZoneOffset.UTC).plus(approvalValidFor).toInstant(), approvers, now));
    }
  }

  @EventSourcingHandler
  void on(CaseOpened e) {
    caseId = e.caseId();
    modelName = e.modelName();
    version = e.version();
    artifactSha256 = e.artifactSha256();
    policyName = e.policyName();
    policyVersion = e.policyVersion();
    requiredGates = List.copyOf(e.requiredGates());
    requiredSignOffs = List.copyOf(e.requiredSignOffs());
    approvalValidFor = Period.parse(e.approvalValidFor());
    submittedBy = e.submittedBy();
    authors = List.copyOf(e.authors());
    status = CaseStatus.OPEN;
  }

  @EventSourcingHandler
  void on(SignOffRecorded e) {
    signOffs.add(new SignOff(e.role(), e.signer(), Decision.valueOf(e.decision())));
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
  }

  @EventSourcingHandler
  void on(ModelRejected e) {
    status = CaseStatus.REJECTED;
  }

  @EventSourcingHandler
  void on(ChangesRequested e) {
    status = CaseStatus.CHANGES_REQUESTED;
  }
}
