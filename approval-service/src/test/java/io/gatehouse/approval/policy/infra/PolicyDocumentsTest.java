package io.gatehouse.approval.policy.infra;

import static org.assertj.core.api.Assertions.assertThat;

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
}
