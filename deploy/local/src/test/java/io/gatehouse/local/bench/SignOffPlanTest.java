package io.gatehouse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SignOffPlanTest {

  private final List<String> cases = IntStream.range(0, 50).mapToObj(i -> "case-" + i).toList();
  private final List<SignOffPlan.Task> plan = SignOffPlan.roundByRound(cases, SignOffPlan.HIGH_TIER_SIGNERS);

  @Test
  void everyCaseGetsEachOfTheSixSignersOnce() {
    assertThat(plan).hasSize(300);
    Map<String, Set<String>> signers = new HashMap<>();
    for (SignOffPlan.Task t : plan) {
      assertThat(signers.computeIfAbsent(t.caseId(), k -> new HashSet<>()).add(t.signer().user()))
          .as("%s signs %s twice", t.signer().user(), t.caseId()).isTrue();
    }
    assertThat(signers).hasSize(50).allSatisfy((c, users) ->
        assertThat(users).containsExactlyInAnyOrder("eng", "product", "legal", "ethics", "risk1", "risk2"));
  }

  @Test
  void neitherTheSubmitterNorAnAuthorSigns() {
    assertThat(plan).noneMatch(t -> t.signer().user().equals("alice"));
  }

  @Test
  void modelRiskIsSignedByTwoPeopleForItsQuorum() {
    assertThat(SignOffPlan.HIGH_TIER_SIGNERS).filteredOn(s -> s.role().equals("MODEL_RISK"))
        .extracting(SignOffPlan.Signer::user).containsExactly("risk1", "risk2");
  }

  @Test
  void aCaseIsSignedAgainOnlyAfterEveryOtherCaseWasSignedOnce() {
    for (int i = 0; i < plan.size(); i++) {
      for (int j = i + 1; j < Math.min(plan.size(), i + cases.size()); j++) {
        assertThat(plan.get(j).caseId()).isNotEqualTo(plan.get(i).caseId());
      }
    }
  }

  @Test
  void signOffsOfTellsWhatAPartialPlanGaveEachCase() {
    int sent = 230; // four full rounds of 50, then the first 30 cases of the fifth
    Map<String, Integer> counted = new HashMap<>();
    plan.subList(0, sent).forEach(t -> counted.merge(t.caseId(), 1, Integer::sum));

    for (int i = 0; i < cases.size(); i++) {
      assertThat(SignOffPlan.signOffsOf(i, cases.size(), 6, sent)).as("case %d", i)
          .isEqualTo(counted.get(cases.get(i)));
    }
    assertThat(SignOffPlan.signOffsOf(29, 50, 6, sent)).isEqualTo(5);
    assertThat(SignOffPlan.signOffsOf(30, 50, 6, sent)).isEqualTo(4);
    assertThat(SignOffPlan.signOffsOf(30, 50, 6, 300)).isEqualTo(6);
  }

  @Test
  void casesForRoundsUp() {
    assertThat(SignOffPlan.casesFor(12_000, 6)).isEqualTo(2000);
    assertThat(SignOffPlan.casesFor(12_001, 6)).isEqualTo(2001);
    assertThat(SignOffPlan.casesFor(0, 6)).isZero();
  }
}
