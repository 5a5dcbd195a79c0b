package io.gatehouse.approval.rollout.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.approval.approvalcase.api.GateResultNoted;
import io.gatehouse.approval.approvalcase.api.NoteGateResult;
import io.gatehouse.approval.approvalcase.api.OpenCase;
import io.gatehouse.approval.approvalcase.api.RecordSignOff;
import io.gatehouse.approval.approvalcase.api.Recertify;
import io.gatehouse.approval.approvalcase.api.RequestBreakGlass;
import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.gatehouse.approval.approvalcase.domain.Decision;
import io.gatehouse.approval.approvalcase.domain.Quorum;
import io.gatehouse.approval.approvalcase.domain.SignOff;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.domain.Term;
import io.gatehouse.approval.policy.domain.TierPolicy;
import io.gatehouse.approval.rollout.api.Promote;
import io.gatehouse.approval.rollout.api.RespondToDrift;
import io.gatehouse.approval.rollout.api.RollBack;
import io.gatehouse.contracts.approval.ApprovalExpired;
import io.gatehouse.contracts.approval.ApprovalSuspended;
import io.gatehouse.contracts.approval.BreakGlassApproved;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.CaseReopened;
import io.gatehouse.contracts.approval.ChangesRequested;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.ModelRolledBack;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.platform.rules.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of everything that can happen to three versions of one model (sign-offs by random
 * actors, gate results, promotions, roll-backs, drift, recertification, break-glass, time passing),
 * run through the real command handlers; after every step the whole history must keep the
 * invariants: no approval without every gate and quorum, nobody signs twice in a round or in two
 * roles, no submitter or author among signers, and no version enters a stage without an unexpired,
 * unsuspended approval.
 */
class ApprovalRolloutInvariantsTest {

  private static final String MODEL = "credit-scorer";
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final TierPolicy HIGH = new TierPolicy(
      List.of(new TierPolicy.Gate("auc", "true"), new TierPolicy.Gate("four-fifths", "true")),
      List.of(new RequiredSignOff("ENGINEERING", 1), new RequiredSignOff("LEGAL", 1),
          new RequiredSignOff("MODEL_RISK", 2)),
      Term.parse("P30D"), Term.parse("P7D"), Term.parse("P3D"),
      List.of(new TierPolicy.RolloutPhase("internal", 0), new TierPolicy.RolloutPhase("pilot", 5),
          new TierPolicy.RolloutPhase("general", 100)),
      new TierPolicy.DriftPolicy(Map.of("psi", new TierPolicy.DriftPolicy.Thresholds(0.1, 0.25)),
          TierPolicy.DriftAction.ROLLBACK));
  private static final Policy POLICY = new Policy("default", 1, Map.of("HIGH", HIGH));
  private static final List<String> PEOPLE = List.of("alice", "bob", "erin", "lee", "riley", "robin", "rory", "eve");
  private static final Map<String, String> HOME_ROLE = Map.of("alice", "ENGINEERING", "bob", "MODEL_RISK",
      "erin", "ENGINEERING", "lee", "LEGAL", "riley", "MODEL_RISK", "robin", "MODEL_RISK", "rory", "MODEL_RISK",
      "eve", "LEGAL");
  private static final List<String> ROLES = List.of("ENGINEERING", "LEGAL", "MODEL_RISK");

  /** One step: a command, or time passing (a Duration). */
  @Property(tries = 1000)
  void noInvariantBreaksWhateverHappens(@ForAll("steps") @Size(min = 20, max = 60) List<Object> steps) {
    Harness h = new Harness(T0, POLICY);
    for (int v = 1; v <= 3; v++) {
      h.commands.sendAndWait(new OpenCase(CaseIds.of(MODEL, v), MODEL, v, sha(v), "HIGH", "default", 1, HIGH,
          "alice", List.of("bob")));
    }
    int accepted = 0;
    for (Object step : steps) {
      if (step instanceof Duration d) {
        h.clock.set(h.clock.instant().plus(d));
        continue;
      }
      for (Object command : step instanceof List<?> several ? several : List.of(step)) {
        try {
          h.commands.sendAndWait(command);
          accepted++;
        } catch (RuleViolation | org.axonframework.modelling.command.AggregateNotFoundException refused) {
          // refused by a rule: the invariants must hold all the same
        }
        checkInvariants(h.history());
      }
    }
    List<Object> history = h.history();
    Statistics.label("reached").collect(history.stream().anyMatch(ModelPromoted.class::isInstance) ? "promoted"
        : history.stream().anyMatch(e -> e instanceof ModelApproved || e instanceof BreakGlassApproved) ? "approved"
        : "unapproved");
    Statistics.label("accepted").collect(accepted > steps.size() / 2 ? "most" : "few");
    Statistics.label("suspended or rolled back").collect(history.stream()
        .anyMatch(e -> e instanceof ApprovalSuspended || e instanceof ModelRolledBack));
  }

  @Provide
  Arbitrary<List<Object>> steps() {
    Arbitrary<Integer> version = Arbitraries.integers().between(1, 3).edgeCases(c -> c.includeOnly(1));
    Arbitrary<Object> signOff = Combinators.combine(version, Arbitraries.of(PEOPLE), Arbitraries.of(ROLES),
        Arbitraries.integers().between(0, 19), Arbitraries.of("APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE",
            "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE",
            "APPROVE", "APPROVE", "APPROVE", "REJECT", "REQUEST_CHANGES"))
        .as((v, who, anyRole, dice, decision) -> {
          String role = dice < 17 ? HOME_ROLE.get(who) : anyRole;
          Set<String> held = dice == 19 ? Set.of() : Set.of(role);
          return (Object) new RecordSignOff(CaseIds.of(MODEL, v), role, decision, "because", who, who, held);
        });
    Arbitrary<Object> gate = Combinators.combine(version, Arbitraries.of("auc", "four-fifths"),
        Arbitraries.of(true, true, true, true, false), Arbitraries.of("d", "d", "d", "e"))
        .as((v, id, passed, data) -> (Object) new NoteGateResult(CaseIds.of(MODEL, v), id, passed,
            data.repeat(64), data + passed, passed ? null : "below", "run"));
    Arbitrary<Object> promote = Combinators.combine(version, Arbitraries.of("production", "production", "staging"))
        .as((v, stage) -> (Object) new Promote(MODEL, v, stage, null, "platform"));
    Arbitrary<Object> rollBack = Arbitraries.of("production", "staging")
        .map(stage -> (Object) new RollBack(MODEL, stage, "complaints", "platform"));
    Arbitrary<Object> drift = Combinators.combine(version, Arbitraries.of(0.05, 0.15, 0.3, 0.5))
        .as((v, psi) -> (Object) new RespondToDrift(new DriftDetected("d-" + v + psi, MODEL, v, "income", "psi", psi,
            0.25, "WARN", T0, T0, 100, "test", T0)));
    Arbitrary<Object> recertify = version.map(v -> (Object) new Recertify(CaseIds.of(MODEL, v), "risk1"));
    Arbitrary<Object> breakGlass = Combinators.combine(version, Arbitraries.of("riley", "robin", "bob", "lee"))
        .as((v, who) -> (Object) new RequestBreakGlass(CaseIds.of(MODEL, v), "emergency", who, who,
            Set.of(HOME_ROLE.get(who))));
    // a whole review by the right people: without it, random sign-offs rarely reach approval
    Arbitrary<Object> review = version.map(v -> (Object) List.of(
        new NoteGateResult(CaseIds.of(MODEL, v), "auc", true, "d".repeat(64), "dtrue", null, "run"),
        new NoteGateResult(CaseIds.of(MODEL, v), "four-fifths", true, "d".repeat(64), "dtrue", null, "run"),
        new RecordSignOff(CaseIds.of(MODEL, v), "ENGINEERING", "APPROVE", "ok", "erin", "erin", Set.of("ENGINEERING")),
        new RecordSignOff(CaseIds.of(MODEL, v), "LEGAL", "APPROVE", "ok", "lee", "lee", Set.of("LEGAL")),
        new RecordSignOff(CaseIds.of(MODEL, v), "MODEL_RISK", "APPROVE", "ok", "riley", "riley", Set.of("MODEL_RISK")),
        new RecordSignOff(CaseIds.of(MODEL, v), "MODEL_RISK", "APPROVE", "ok", "robin", "robin", Set.of("MODEL_RISK"))));
    Arbitrary<Object> time = Arbitraries.of(Duration.ofHours(1), Duration.ofDays(2), Duration.ofDays(10),
        Duration.ofDays(31)).map(d -> (Object) d);
    return Arbitraries.frequencyOf(
        Tuple.of(8, signOff), Tuple.of(3, gate), Tuple.of(2, review), Tuple.of(6, promote), Tuple.of(1, rollBack),
        Tuple.of(2, drift), Tuple.of(1, recertify), Tuple.of(2, breakGlass), Tuple.of(1, time)).list();
  }

  /** What one case's events say, rebuilt independently of the aggregate. */
  private static final class CaseFacts {
    CaseOpened opened;
    List<String> gates;
    List<RequiredSignOff> required;
    Map<String, Boolean> gatePassed = new HashMap<>();
    List<SignOff> round = new ArrayList<>();
    Map<String, String> roleOf = new HashMap<>();
    Instant validUntil;
    boolean closed;
  }

  private static void checkInvariants(List<Object> history) {
    Map<String, CaseFacts> cases = new HashMap<>();
    for (Object e : history) {
      if (e instanceof CaseOpened o) {
        CaseFacts f = new CaseFacts();
        f.opened = o;
        f.gates = o.requiredGates();
        f.required = o.requiredSignOffs();
        cases.put(o.caseId(), f);
      } else if (e instanceof SignOffRecorded s) {
        CaseFacts f = cases.get(s.caseId());
        assertThat(f.closed).as("no sign-off on a closed case").isFalse();
        assertThat(s.signer()).as("no submitter signs").isNotEqualTo(f.opened.submittedBy());
        assertThat(f.opened.authors()).as("no author signs").doesNotContain(s.signer());
        assertThat(f.round).as("%s signs once per round", s.signer()).noneMatch(x -> x.signer().equals(s.signer()));
        String earlier = f.roleOf.putIfAbsent(s.signer(), s.role());
        assertThat(earlier == null ? s.role() : earlier).as("%s keeps one role on the case", s.signer())
            .isEqualTo(s.role());
        f.round.add(new SignOff(s.role(), s.signer(), Decision.valueOf(s.decision())));
      } else if (e instanceof SignOffsVoided v) {
        cases.get(v.caseId()).round.clear();
      } else if (e instanceof GateResultNoted g) {
        cases.get(g.caseId()).gatePassed.put(g.gateId(), g.passed());
      } else if (e instanceof ModelApproved a) {
        CaseFacts f = cases.get(a.caseId());
        assertThat(f.gates).as("every gate passed before approval")
            .allMatch(gate -> Boolean.TRUE.equals(f.gatePassed.get(gate)));
        assertThat(Quorum.reached(f.required, f.round)).as("every quorum reached").isTrue();
        assertThat(a.artifactSha256()).as("bound to the digest").isEqualTo(f.opened.artifactSha256());
        f.validUntil = a.validUntil();
        f.closed = true;
      } else if (e instanceof BreakGlassApproved b) {
        CaseFacts f = cases.get(b.caseId());
        assertThat(new HashSet<>(b.approvers())).as("two distinct approvers").hasSize(2);
        assertThat(b.approvers()).doesNotContain(f.opened.submittedBy()).doesNotContainAnyElementsOf(f.opened.authors());
        f.validUntil = b.reviewDueBy();
        if (f.closed) {
          f.round.clear();
        }
        f.closed = false;
      } else if (e instanceof ApprovalSuspended s) {
        CaseFacts f = cases.get(s.caseId());
        assertThat(f.validUntil).as("only an approval is suspended").isNotNull();
        f.validUntil = null;
        f.round.clear();
        f.closed = false;
      } else if (e instanceof ApprovalExpired x) {
        cases.get(x.caseId()).validUntil = null;
      } else if (e instanceof CaseReopened r) {
        CaseFacts f = cases.get(r.caseId());
        f.gates = r.requiredGates();
        f.required = r.requiredSignOffs();
        f.round.clear();
        f.closed = false;
      } else if (e instanceof ModelRejected || e instanceof ChangesRequested) {
        CaseFacts f = cases.get(e instanceof ModelRejected m ? m.caseId() : ((ChangesRequested) e).caseId());
        f.validUntil = null;
        f.closed = true;
      } else if (e instanceof ModelPromoted p) {
        assertApproved(cases.get(p.caseId()), p.promotedAt(), "promoted");
      } else if (e instanceof ModelRolledBack r) {
        assertApproved(cases.get(CaseIds.of(r.modelName(), r.toVersion())), r.rolledBackAt(), "rolled back to");
      }
    }
  }

  private static void assertApproved(CaseFacts f, Instant at, String what) {
    assertThat(f.validUntil).as("version %d %s only with an unsuspended approval", f.opened.version(), what)
        .isNotNull();
    assertThat(at).as("version %d %s only before its approval expires", f.opened.version(), what)
        .isBefore(f.validUntil);
  }

  private static String sha(int version) {
    return Integer.toString(version).repeat(64);
  }
}
