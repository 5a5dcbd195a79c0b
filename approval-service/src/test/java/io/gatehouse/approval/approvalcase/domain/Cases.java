package io.gatehouse.approval.approvalcase.domain;

import io.gatehouse.approval.approvalcase.api.GateResultNoted;
import io.gatehouse.approval.approvalcase.api.NoteGateResult;
import io.gatehouse.approval.approvalcase.api.RecordSignOff;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.domain.PolicyLookup;
import io.gatehouse.approval.policy.domain.Term;
import io.gatehouse.approval.policy.domain.TierPolicy;
import io.gatehouse.contracts.approval.Approver;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.SignOffRecorded;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small named builders for approval-case tests: a HIGH-tier case of credit-scorer v1. */
final class Cases {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String ID = CaseIds.of("credit-scorer", 1);
  static final String SHA = "a".repeat(64);
  static final String DATA = "d".repeat(64);
  static final String OTHER_DATA = "e".repeat(64);
  static final String SUBMITTER = "alice";
  static final String AUTHOR = "bob";

  static final List<RequiredSignOff> HIGH = List.of(new RequiredSignOff("ENGINEERING", 1),
      new RequiredSignOff("LEGAL", 1), new RequiredSignOff("MODEL_RISK", 2));
  static final List<String> GATES = List.of("auc", "four-fifths");

  static final TierPolicy HIGH_TIER = new TierPolicy(
      List.of(new TierPolicy.Gate("auc", "metrics.roc_auc >= 0.8"), new TierPolicy.Gate("four-fifths", "true")), HIGH,
      Term.parse("P180D"), Term.parse("P30D"), Term.parse("P7D"),
      List.of(new TierPolicy.RolloutPhase("internal", 0), new TierPolicy.RolloutPhase("pilot", 5),
          new TierPolicy.RolloutPhase("general", 100)),
      new TierPolicy.DriftPolicy(Map.of("psi", new TierPolicy.DriftPolicy.Thresholds(0.1, 0.25)),
          TierPolicy.DriftAction.SUSPEND));
  /** The policy in force later: HIGH asks ETHICS too and approves for 90 days. */
  static final TierPolicy HIGH_TIER_V4 = new TierPolicy(HIGH_TIER.gates(),
      List.of(new RequiredSignOff("ENGINEERING", 1), new RequiredSignOff("ETHICS", 1)), Term.parse("P90D"),
      Term.parse("P30D"), Term.parse("P7D"), HIGH_TIER.rollout(), HIGH_TIER.drift());
  static final Policy V3 = new Policy("default", 3, Map.of("HIGH", HIGH_TIER));
  static final Policy V4 = new Policy("default", 4, Map.of("HIGH", HIGH_TIER_V4));
  static final PolicyLookup POLICIES = new PolicyLookup() {
    @Override
    public Policy inForce() {
      return V4;
    }

    @Override
    public Policy version(String name, int version) {
      return version == 3 ? V3 : V4;
    }
  };

  private Cases() {}

  static CaseOpened opened() {
    return new CaseOpened(ID, "credit-scorer", 1, SHA, "HIGH", "default", 3, GATES, HIGH, "P180D", SUBMITTER,
        List.of(AUTHOR), NOW);
  }

  static RecordSignOff signOff(String signer, String role, String decision, String comment) {
    return new RecordSignOff(ID, role, decision, comment, signer, "Name of " + signer, Set.of(role));
  }

  static RecordSignOff approve(String signer, String role) {
    return signOff(signer, role, "APPROVE", "looks good");
  }

  static SignOffRecorded approved(String signer, String role) {
    return new SignOffRecorded(ID, "credit-scorer", 1, role, signer, "Name of " + signer, "APPROVE", "looks good", NOW);
  }

  static NoteGateResult gate(String gateId, boolean passed, String data) {
    return new NoteGateResult(ID, gateId, passed, data, data + "|" + gateId + "=0.9", passed ? null : "below threshold",
        "run-1");
  }

  static GateResultNoted gateNoted(String gateId, boolean passed, String data) {
    NoteGateResult g = gate(gateId, passed, data);
    return new GateResultNoted(ID, gateId, passed, data, g.evidence(), g.reason(), "run-1", NOW);
  }

  static Object[] allGatesPassed() {
    return new Object[] {gateNoted("auc", true, DATA), gateNoted("four-fifths", true, DATA)};
  }

  static ModelApproved modelApproved(Approver... approvers) {
    return new ModelApproved(ID, "credit-scorer", 1, SHA, "default", 3, Instant.parse("2027-05-21T10:00:00Z"),
        List.of(approvers), NOW);
  }
}
