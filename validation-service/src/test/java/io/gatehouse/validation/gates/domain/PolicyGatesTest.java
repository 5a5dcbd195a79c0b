package io.gatehouse.validation.gates.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.ModelCard;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyGatesTest {

  private static final String POLICY = """
      policy: default
      version: 2
      tiers:
        LOW:
          gates:
            - { id: card-complete, expr: "size(card.missing_sections) == 0" }
          card: { required_sections: [intendedUse, limitations] }
        HIGH:
          gates:
            - { id: card-complete, expr: "size(card.missing_sections) == 0" }
      """;

  private static final ModelCard CARD = new ModelCard("Scores loans", null, " ", "Loans 2019-2024",
      "[More Information Needed]", null, "f", null, "x", List.of("risk-ml"),
      List.of(new DeclaredMetric("accuracy", null, 0.9, null, null, null, null, null, null)), List.of());

  @Test
  void missingSectionsAreThoseTheTierRequiresAsThePolicySetsThem() {
    PolicyGates p = PolicyGates.parse(POLICY);
    assertThat(p.missingSections(CARD, "LOW")).containsExactly("limitations");
    // MEDIUM is not in this document: the default sections, with a placeholder counted as missing
    // (the rule registry-service applies too) and a declared metric filling metrics
    assertThat(p.missingSections(CARD, "MEDIUM")).containsExactly("evaluationData", "limitations");
    assertThat(p.missingSections(CARD, "HIGH"))
        .containsExactly("outOfScopeUse", "usersAffected", "evaluationData", "limitations");
    assertThat(p.missingSections(null, "LOW")).containsExactly("intendedUse", "limitations");
  }
}
