package io.gatehouse.approval.policy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.approval.policy.domain.InvalidPolicy;

import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.contracts.approval.RequiredSignOff;
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
    assertThat(p.forTier("HIGH").approvalValidFor()).isEqualTo(Period.ofDays(180));
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
