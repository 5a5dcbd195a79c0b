package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.CardText;
import static io.gatehouse.registry.card.domain.CardSection.EVALUATION_DATA;
import static io.gatehouse.registry.card.domain.CardSection.INTENDED_USE;
import static io.gatehouse.registry.card.domain.CardSection.LIMITATIONS;
import static io.gatehouse.registry.card.domain.CardSection.METRICS;
import static io.gatehouse.registry.card.domain.CardSection.OWNERS;
import static io.gatehouse.registry.card.domain.CardSection.TRAINING_DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.contracts.registry.Contact;
import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.ModelCard;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardCompletenessTest {

  static ModelCard complete() {
    return new ModelCard("Rank loan applications.", "Employment decisions.", "Applicants.", "Loan book 2019-2023.",
        "Hold-out 2023-Q4.", "ROC AUC.", "Age band and sex compared.", "Thin files.", "Reason codes given.",
        List.of("risk-ml"), List.of(), List.of(new Contact("Risk ML", "risk-ml@bank.example")));
  }

  @Test
  void aCompleteCardMissesNothingAtAnyTier() {
    for (String tier : RequiredSections.TIERS) {
      assertThat(CardCompleteness.missing(complete(), RequiredSections.defaults().forTier(tier))).as(tier).isEmpty();
    }
  }

  @Test
  void blankWhitespaceAndPlaceholdersCountAsMissing() {
    ModelCard card = new ModelCard("   \n\t", "[More Information Needed]", "TBD", "<!-- fill me -->", "More information needed.",
        "{{ metrics | default(\"[More Information Needed]\", true) }}", "- [More Information Needed]\n- N/A", null,
        "Users (both direct and downstream) should be made aware of the risks, biases and limitations of the model. "
            + "More information needed for further recommendations.",
        List.of("[More Information Needed]", " "), List.of(), List.of(new Contact("Risk ML", null)));

    assertThat(CardCompleteness.missing(card, EnumSet.allOf(CardSection.class)))
        .containsExactly(CardSection.values());
  }

  @Test
  void textWithAPlaceholderLeftInItStillCounts() {
    ModelCard card = withIntendedUse("Scores applications. [More Information Needed]");
    assertThat(CardCompleteness.isPresent(card, INTENDED_USE)).isTrue();
    assertThat(CardText.containsPlaceholder(card.intendedUse())).isTrue();
  }

  @Test
  void declaredMetricsFillTheMetricsSectionButContactsDoNotFillOwners() {
    ModelCard card = new ModelCard(null, null, null, null, null, null, null, null, null, List.of(),
        List.of(new DeclaredMetric("roc_auc", null, 0.8, null, null, null, null, null, null)),
        List.of(new Contact("Risk ML", "risk-ml@bank.example")));

    assertThat(CardCompleteness.missing(card, EnumSet.of(METRICS, OWNERS))).containsExactly(OWNERS);
  }

  @Test
  void reportsInSectionOrderWhateverTheOrderOfTheRequiredSections() {
    ModelCard empty = new ModelCard(null, null, null, null, null, null, null, null, null, null, null, null);
    assertThat(CardCompleteness.missingWireNames(empty, List.of(OWNERS, TRAINING_DATA, INTENDED_USE)))
        .containsExactly("intendedUse", "trainingData", "owners");
    assertThat(CardCompleteness.missing(null, EnumSet.of(LIMITATIONS))).containsExactly(LIMITATIONS);
  }

  @Test
  void defaultRequiredSectionsPerTier() {
    RequiredSections defaults = RequiredSections.defaults();
    assertThat(defaults.forTier("LOW")).containsExactlyInAnyOrder(INTENDED_USE, OWNERS);
    assertThat(defaults.forTier("MEDIUM"))
        .containsExactlyInAnyOrder(INTENDED_USE, OWNERS, LIMITATIONS, TRAINING_DATA, EVALUATION_DATA, METRICS);
    assertThat(defaults.forTier("HIGH")).containsExactlyInAnyOrder(CardSection.values());
    assertThat(defaults.forTier("CRITICAL")).containsExactlyInAnyOrder(CardSection.values());
    assertThat(defaults.asWireNames()).containsEntry("LOW", List.of("intendedUse", "owners"));

    ModelCard lowOnly = new ModelCard("Rank loan applications.", null, null, null, null, null, null, null, null,
        List.of("risk-ml"), List.of(), List.of());
    assertThat(CardCompleteness.missing(lowOnly, defaults.forTier("LOW"))).isEmpty();
    assertThat(CardCompleteness.missing(lowOnly, defaults.forTier("MEDIUM")))
        .containsExactly(TRAINING_DATA, EVALUATION_DATA, METRICS, LIMITATIONS);
  }

  @Test
  void policyReplacesTheTiersItNamesAndKeepsTheDefaultForTheOthers() {
    RequiredSections fromPolicy = RequiredSections.of(Map.of("LOW", List.of("intendedUse", "owners", "limitations"),
        "CRITICAL", List.of()));
    assertThat(fromPolicy.forTier("LOW")).containsExactlyInAnyOrder(INTENDED_USE, OWNERS, LIMITATIONS);
    assertThat(fromPolicy.forTier("CRITICAL")).isEmpty();
    assertThat(fromPolicy.forTier("MEDIUM")).isEqualTo(RequiredSections.defaults().forTier("MEDIUM"));
  }

  @Test
  void refusesUnknownTiersAndSectionsByName() {
    assertThatThrownBy(() -> RequiredSections.of(Map.of("EXTREME", List.of("owners"))))
        .hasMessage("Unknown risk tier 'EXTREME'; the tiers are [LOW, MEDIUM, HIGH, CRITICAL].");
    assertThatThrownBy(() -> RequiredSections.of(Map.of("LOW", List.of("intended_use"))))
        .hasMessageStartingWith("Unknown card section 'intended_use' for tier LOW; the sections are [intendedUse,");
    assertThatThrownBy(() -> RequiredSections.defaults().forTier("low")).isInstanceOf(IllegalArgumentException.class);
  }

  private static ModelCard withIntendedUse(String text) {
    ModelCard c = complete();
    return new ModelCard(text, c.outOfScopeUse(), c.usersAffected(), c.trainingData(), c.evaluationData(), c.metrics(),
        c.fairnessConsiderations(), c.limitations(), c.ethicalConsiderations(), c.owners(), c.declaredMetrics(), c.contacts());
  }
}
