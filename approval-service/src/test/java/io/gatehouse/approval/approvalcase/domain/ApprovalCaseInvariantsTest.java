package io.gatehouse.approval.approvalcase.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.approval.approvalcase.api.NoteGateResult;
import io.gatehouse.approval.approvalcase.api.RecordSignOff;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.ChangesRequested;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import io.gatehouse.approval.approvalcase.api.GateResultNoted;
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
import net.jqwik.api.constraints.Size;
import org.axonframework.eventhandling.EventMessage;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/**
 * Random command sequences by random actors, checking after every step that no invariant of the
 * approval case broke, whatever the case accepted or refused:
 * no approval without every gate passed and every quorum reached, at most one approval, nobody signs
 * twice or in two roles, no submitter or author among the signers, only holders sign for a role, and
 * nothing is recorded on a closed case.
 */
class ApprovalCaseInvariantsTest {

  private static final List<String> PEOPLE = List.of("alice", "bob", "erin", "lee", "riley", "robin", "pat", "eve");
  private static final Map<String, String> HOME_ROLE = Map.of("alice", "ENGINEERING", "bob", "MODEL_RISK",
      "erin", "ENGINEERING", "lee", "LEGAL", "riley", "MODEL_RISK", "robin", "MODEL_RISK", "pat", "PRODUCT",
      "eve", "LEGAL");
  private static final List<String> ROLES = List.of("ENGINEERING", "LEGAL", "MODEL_RISK", "PRODUCT");
  /** Mostly approvals, so that sequences reach approval often enough to test its invariants. */
  private static final List<String> DECISIONS = List.of("APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE",
      "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE", "REJECT", "REQUEST_CHANGES");

  @Property(tries = 2000)
  void noInvariantBreaksWhateverTheCommands(@ForAll("commands") @Size(min = 10, max = 30) List<Object> commands) {
    List<Object> history = new ArrayList<>(List.of(Cases.opened()));
    for (Object command : commands) {
      List<Object> produced = run(history, command);
      history.addAll(produced);
      checkInvariants(history);
    }
    Statistics.collect(history.stream().anyMatch(e -> e instanceof ModelApproved) ? "approved"
        : history.stream().anyMatch(e -> e instanceof ModelRejected || e instanceof ChangesRequested) ? "closed"
        : "open");
  }

  /** A sequence that meets every rule gets approved: the invariants above are not vacuous. */
  @Property(tries = 50)
  void aCompleteSequenceIsApproved() {
    List<Object> history = new ArrayList<>(List.of(Cases.opened()));
    for (Object command : List.of(Cases.gate("auc", true, Cases.DATA), Cases.gate("four-fifths", true, Cases.DATA),
        Cases.approve("erin", "ENGINEERING"), Cases.approve("lee", "LEGAL"), Cases.approve("riley", "MODEL_RISK"),
        Cases.approve("robin", "MODEL_RISK"))) {
      history.addAll(run(history, command));
      checkInvariants(history);
    }
    assertThat(history).hasAtLeastOneElementOfType(ModelApproved.class);
  }

  @Provide
  Arbitrary<List<Object>> commands() {
    Arbitrary<Object> signOff = Combinators.combine(
        Arbitraries.of(PEOPLE), Arbitraries.of(ROLES), Arbitraries.integers().between(0, 9), Arbitraries.of(DECISIONS),
        Arbitraries.subsetOf(ROLES), Arbitraries.of("", "because"))
        .as((who, anyRole, dice, decision, held, comment) -> {
          // most people sign in their own role; some try another
          String role = dice < 8 ? HOME_ROLE.get(who) : anyRole;
          return (Object) new RecordSignOff(Cases.ID, role, decision, comment, who, null,
              heldWithSometimesTheRole(held, role, who));
        });
    Arbitrary<Object> gate = Combinators.combine(
        Arbitraries.of("auc", "four-fifths", "auc", "four-fifths", "latency"),
        Arbitraries.of(true, true, true, true, false),
        Arbitraries.of(Cases.DATA, Cases.DATA, Cases.DATA, Cases.OTHER_DATA))
        .as((id, passed, data) -> (Object) new NoteGateResult(Cases.ID, id, passed, data, data + "|" + passed,
            passed ? null : "below", "run"));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, signOff),
        net.jqwik.api.Tuple.of(1, gate)).list();
  }

  private static Set<String> heldWithSometimesTheRole(Set<String> held, String role, String who) {
    Set<String> roles = new HashSet<>(held);
    if (!who.equals("eve")) {
      roles.add(role); // most actors hold the role they sign for; some do not
    }
    return roles;
  }

  /** The events the aggregate produces for {@code command} after {@code history}; none if it refuses. */
  private static List<Object> run(List<Object> history, Object command) {
    AggregateTestFixture<ApprovalCase> fixture = new AggregateTestFixture<>(ApprovalCase.class);
    fixture.registerInjectableResource(Cases.CLOCK);
    fixture.registerInjectableResource(Cases.POLICIES);
    List<Object> produced = new ArrayList<>();
    ResultValidator<ApprovalCase> result = fixture.given(history).when(command);
    try {
      result.expectException(CaseRuleViolation.class);
      return List.of(); // refused by a rule: nothing was applied
    } catch (AssertionError notRefused) {
      // it was accepted, or failed in some other way, which the next line reports
    }
    result.expectSuccessfulHandlerExecution();
    {
      result.expectEventsMatching(new BaseMatcher<List<EventMessage<?>>>() {
        @Override
        public boolean matches(Object actual) {
          for (Object m : (List<?>) actual) {
            produced.add(((EventMessage<?>) m).getPayload());
          }
          return true;
        }

        @Override
        public void describeTo(Description description) {
          description.appendText("any events");
        }
      });
    }
    return produced;
  }

  private static void checkInvariants(List<Object> history) {
    CaseOpened opened = (CaseOpened) history.get(0);
    Map<String, Set<String>> rolesBySigner = new HashMap<>();
    List<SignOff> counting = new ArrayList<>();
    Map<String, Boolean> gatePassed = new HashMap<>();
    boolean closed = false;
    int approvals = 0;
    for (Object e : history.subList(1, history.size())) {
      assertThat(closed).as("nothing is recorded on a closed case: %s", e).isFalse();
      if (e instanceof SignOffRecorded s) {
        assertThat(s.signer()).as("no submitter signs").isNotEqualTo(opened.submittedBy());
        assertThat(opened.authors()).as("no author signs").doesNotContain(s.signer());
        Set<String> roles = rolesBySigner.computeIfAbsent(s.signer(), k -> new HashSet<>());
        assertThat(roles).as("%s signs once, in one role", s.signer()).isEmpty();
        roles.add(s.role());
        counting.add(new SignOff(s.role(), s.signer(), Decision.valueOf(s.decision())));
      } else if (e instanceof SignOffsVoided) {
        counting.clear();
        rolesBySigner.clear();
      } else if (e instanceof GateResultNoted g) {
        gatePassed.put(g.gateId(), g.passed());
      } else if (e instanceof ModelApproved a) {
        approvals++;
        assertThat(opened.requiredGates()).as("every gate passed before approval")
            .allMatch(gate -> Boolean.TRUE.equals(gatePassed.get(gate)));
        assertThat(Quorum.reached(opened.requiredSignOffs(), counting)).as("every quorum reached").isTrue();
        assertThat(a.artifactSha256()).as("bound to the digest").isEqualTo(opened.artifactSha256());
        closed = true;
      } else if (e instanceof ModelRejected || e instanceof ChangesRequested) {
        closed = true;
      }
    }
    assertThat(approvals).isLessThanOrEqualTo(1);
  }
}
