package io.gatehouse.approval.policy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.approval.policy.domain.InvalidPolicy;

import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.approval.policy.domain.Term;
import io.gatehouse.approval.policy.domain.TierPolicy;
import java.time.Instant;
import java.util.List;
import java.time.Period;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {

  @Test
  void theShippedPolicyRequiresFiveRolesAndTwoModelRiskApproversForHighTier() {
    Policy p = PolicyDocuments.shippedDefault();
    assertThat(p.tiers()).containsOnlyKeys("LOW", "MEDIUM", "HIGH", "CRITICAL");
    assertThat(p.forTier("HIGH").signOffs()).containsExactly(
        new RequiredSignOff("ENGINEERING", 1), new RequiredSignOff("PRODUCT", 1), new RequiredSignOff("LEGAL", 1),
        new RequiredSignOff("ETHICS", 1), new RequiredSignOff("MODEL_RISK", 2));
    assertThat(p.forTier("HIGH").gateIds()).contains("auc", "four-fifths", "equalized-odds");
    assertThat(p.forTier("HIGH").approvalValidFor()).isEqualTo(Term.of(Period.ofDays(180)));
  }

  @Test
  void theShippedPolicyRollsHighTierOutInThreePhasesAndSuspendsOnDrift() {
    TierPolicy high = PolicyDocuments.shippedDefault().forTier("HIGH");
    assertThat(high.rollout()).containsExactly(new TierPolicy.RolloutPhase("internal", 0),
        new TierPolicy.RolloutPhase("pilot", 5), new TierPolicy.RolloutPhase("general", 100));
    assertThat(high.drift().onAct()).isEqualTo(TierPolicy.DriftAction.SUSPEND);
    assertThat(high.drift().level("PSI", 0.30, "WARN")).isEqualTo(TierPolicy.DriftLevel.ACT);
    assertThat(high.drift().level("psi", 0.12, "ACT")).isEqualTo(TierPolicy.DriftLevel.WARN);
    assertThat(high.drift().level("psi", 0.05, "ACT")).isEqualTo(TierPolicy.DriftLevel.NONE);
    assertThat(high.drift().level("wasserstein", 9, "CRITICAL")).isEqualTo(TierPolicy.DriftLevel.ACT);
    assertThat(high.recertifyBefore()).isEqualTo(Term.parse("P30D"));
    assertThat(PolicyDocuments.shippedDefault().forTier("CRITICAL").drift().onAct())
        .isEqualTo(TierPolicy.DriftAction.ROLLBACK);
  }

  @Test
  void acceptsDurationsForShortLivedApprovals() {
    TierPolicy low = PolicyDocuments.parse("""
        policy: default
        version: 2
        tiers:
          LOW:
            signoffs: [ {role: ENGINEERING} ]
            approval_valid_for: PT10S
            recertify_before: PT5S
        """).forTier("LOW");
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(low.approvalValidFor().after(t)).isEqualTo(t.plusSeconds(10));
    assertThat(low.recertifyBefore().before(t.plusSeconds(10))).isEqualTo(t.plusSeconds(5));
    assertThat(low.rollout()).isEqualTo(TierPolicy.DEFAULT_ROLLOUT);
  }

  @Test
  void refusesBadRolloutAndDriftNamingTheLine() {
    String doc = """
        policy: default
        version: 2
        tiers:
          HIGH:
            signoffs: [ {role: ENGINEERING} ]
            approval_valid_for: P10D
            rollout: [ {phase: pilot, traffic: 50}, {phase: internal, traffic: 10}, {phase: general, traffic: 90} ]
            drift: { psi: { warn: 0.3, act: 0.2 }, on_act: PANIC }
            break_glass_review: soon
        """;
    assertThatThrownBy(() -> PolicyDocuments.parse(doc))
        .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .anySatisfy(p -> assertThat(p).startsWith("line 7:").contains("traffic must not fall"))
            .anySatisfy(p -> assertThat(p).startsWith("line 7:").contains("must carry traffic 100"))
            .anySatisfy(p -> assertThat(p).startsWith("line 8:").contains("act (0.2) is below warn (0.3)"))
            .anySatisfy(p -> assertThat(p).startsWith("line 8:").contains("on_act 'PANIC'"))
            .anySatisfy(p -> assertThat(p).startsWith("line 9:").contains("break_glass_review 'soon'")));
  }

  /**
   * A policy whose tiers need one ENGINEERING sign-off and have the given one-line drift sections, in
   * order: tier {@code i}'s drift is on line {@code 7 + 4 i}.
   */
  static String withDrift(String... tierAndDrift) {
    StringBuilder doc = new StringBuilder("policy: default\nversion: 2\ntiers:\n");
    for (int i = 0; i < tierAndDrift.length; i += 2) {
      doc.append("  ").append(tierAndDrift[i]).append(":\n    signoffs: [ {role: ENGINEERING} ]\n")
          .append("    approval_valid_for: P10D\n    drift: ").append(tierAndDrift[i + 1]).append('\n');
    }
    return doc.toString();
  }

  @Test
  void acceptsADriftWindowByDurationCountOrBoth() {
    for (String window : List.of("{ duration: PT15M, observations: 10000 }", "{ duration: PT1H }", "{ observations: 500 }")) {
      String doc = withDrift("HIGH", "{ psi: { warn: 0.1, act: 0.25 }, on_act: SUSPEND, window: " + window + " }");
      assertThat(PolicyDocuments.parse(doc).forTier("HIGH").drift().onAct()).as(window)
          .isEqualTo(TierPolicy.DriftAction.SUSPEND);
    }
  }

  @Test
  void refusesABadDriftWindowNamingTheLine() {
    String doc = withDrift(
        "LOW", "{ window: { duration: 15 minutes, observations: 0 } }",
        "MEDIUM", "{ window: { duration: PT0S, size: 10 } }",
        "HIGH", "{ window: {} }",
        "CRITICAL", "{ window: hourly }");
    assertThatThrownBy(() -> PolicyDocuments.parse(doc))
        .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .anySatisfy(p -> assertThat(p).startsWith("line 7:")
                .contains("LOW.drift.window.duration '15 minutes' is not an ISO-8601 duration"))
            .anySatisfy(p -> assertThat(p).startsWith("line 7:")
                .contains("LOW.drift.window.observations must be at least 1, was 0"))
            .anySatisfy(p -> assertThat(p).startsWith("line 11:").contains("MEDIUM.drift.window.duration must be positive"))
            .anySatisfy(p -> assertThat(p).startsWith("line 11:").contains("unknown field 'size'"))
            .anySatisfy(p -> assertThat(p).startsWith("line 15:").contains("HIGH.drift.window needs a duration"))
            .anySatisfy(p -> assertThat(p).startsWith("line 19:").contains("CRITICAL.drift.window must be a mapping")));
  }

  @Test
  void acceptsRequiredCardSectionsPerTier() {
    String doc = """
        policy: default
        version: 2
        tiers:
          LOW:
            signoffs: [ {role: ENGINEERING} ]
            approval_valid_for: P10D
            card: { required_sections: [intendedUse, owners, limitations] }
          HIGH:
            signoffs: [ {role: ENGINEERING} ]
            approval_valid_for: P10D
            card: { required_sections: [] }
        """;
    assertThat(PolicyDocuments.parse(doc).forTier("LOW").signOffs()).hasSize(1);
  }

  @Test
  void refusesUnknownCardSectionsAndANonListNamingTheLine() {
    String doc = """
        policy: default
        version: 2
        tiers:
          LOW:
            signoffs: [ {role: ENGINEERING} ]
            approval_valid_for: P10D
            card: { required_sections: [intendedUse, intended_use, owners, owners] }
          MEDIUM:
            signoffs: [ {role: ENGINEERING} ]
            approval_valid_for: P10D
            card: { required_sections: owners }
          HIGH:
            signoffs: [ {role: ENGINEERING} ]
            approval_valid_for: P10D
            card: [intendedUse]
          CRITICAL:
            signoffs: [ {role: ENGINEERING} ]
            approval_valid_for: P10D
            card: { sections: [owners] }
        """;
    assertThatThrownBy(() -> PolicyDocuments.parse(doc))
        .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .anySatisfy(p -> assertThat(p).startsWith("line 7:").contains("unknown card section 'intended_use'")
                .contains("LOW.card.required_sections"))
            .anySatisfy(p -> assertThat(p).startsWith("line 7:").contains("card section owners appears twice"))
            .anySatisfy(p -> assertThat(p).startsWith("line 11:").contains("MEDIUM.card.required_sections must be a list"))
            .anySatisfy(p -> assertThat(p).startsWith("line 15:").contains("HIGH.card must be a mapping"))
            .anySatisfy(p -> assertThat(p).startsWith("line 19:").contains("unknown field 'sections'")));
  }

  @Test
  void anUnknownTierGetsTheStrictestRequirements() {
    Policy p = PolicyDocuments.shippedDefault();
    assertThat(p.forTier("UNHEARD_OF")).isEqualTo(p.forTier("CRITICAL"));
  }

  @Test
  void refusesADocumentNamingEveryProblemWithItsLine() {
    String doc = """
        policy: default
        version: 2
        tiers:
          HIGH:
            gates:
              - { id: auc, expr: "metrics.roc_auc >= " }
              - { id: auc, expr: "metrics.roc_auc >= 0.8" }
            signoffs: [ {role: ENGINEERING}, {role: JANITOR}, {role: MODEL_RISK, quorum: 0} ]
            approval_valid_for: six months
          EXTREME:
            signoffs: [ {role: LEGAL} ]
            approval_valid_for: P1D
        """;
    assertThatThrownBy(() -> PolicyDocuments.parse(doc))
        .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .anySatisfy(p -> assertThat(p).startsWith("line 6:").contains("gate auc: the expression does not compile"))
            .anySatisfy(p -> assertThat(p).startsWith("line 7:").contains("gate id auc appears twice"))
            .anySatisfy(p -> assertThat(p).startsWith("line 8:").contains("unknown role JANITOR"))
            .anySatisfy(p -> assertThat(p).startsWith("line 8:").contains("quorum must be at least 1"))
            .anySatisfy(p -> assertThat(p).startsWith("line 9:").contains("not an ISO-8601 period"))
            .anySatisfy(p -> assertThat(p).startsWith("line 10:").contains("unknown tier EXTREME")));
  }

  @Test
  void refusesYamlThatDoesNotParseAndUnknownFields() {
    assertThatThrownBy(() -> PolicyDocuments.parse("policy: default\nversion: [1\n"))
        .isInstanceOf(InvalidPolicy.class).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> PolicyDocuments.parse("policy: default\nversion: 1\nowner: me\ntiers: {}\n"))
        .isInstanceOf(InvalidPolicy.class).hasMessageContaining("line 3: unknown field 'owner'");
  }

  @Test
  void theShippedDocumentCompilesEveryGate() {
    assertThat(PolicyDocuments.shippedDefault().forTier("CRITICAL").gates()).hasSize(5);
  }
}
