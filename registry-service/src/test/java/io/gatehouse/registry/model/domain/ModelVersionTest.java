package io.gatehouse.registry.model.domain;

import static io.gatehouse.registry.model.domain.Fixtures.CLOCK;
import static io.gatehouse.registry.model.domain.Fixtures.NOW;
import static io.gatehouse.registry.model.domain.Fixtures.card;
import static io.gatehouse.registry.model.domain.Fixtures.submitted;

import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.ModelCardUpdated;
import io.gatehouse.contracts.registry.ModelVersionCreated;
import io.gatehouse.contracts.registry.ModelVersionDeleted;
import io.gatehouse.contracts.registry.ModelVersionRetired;
import io.gatehouse.contracts.registry.ModelVersionTagDeleted;
import io.gatehouse.contracts.registry.ModelVersionTagSet;
import io.gatehouse.registry.model.api.DeleteModelVersionTag;
import io.gatehouse.registry.model.api.RetireModelVersion;
import io.gatehouse.registry.model.api.UpdateModelCard;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelVersionTest {

  private AggregateTestFixture<ModelVersion> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ModelVersion.class);
    fixture.registerInjectableResource(CLOCK);
  }

  private static ModelVersionCreated created() {
    return new ModelVersionCreated("credit-scorer", 1, "s3://models/cs/1", "run-1", null, null, List.of(), "alice", NOW);
  }

  @Test
  void anUpdatedCardIsTheNextRevisionAndNamesItsMissingSections() {
    ModelCard partial = new ModelCard("credit decisions", null, "applicants", " ", "2025 holdout", "AUC", null,
        "thin files", "adverse action notices", List.of(), List.of(), List.of());
    fixture.given(submitted("credit-scorer", 1, "HIGH"))
        .when(new UpdateModelCard("credit-scorer", 1, partial, "bob"))
        .expectResultMessagePayload(2)
        .expectEvents(new ModelCardUpdated("credit-scorer", 1, 2, partial,
            List.of("outOfScopeUse", "trainingData", "fairnessConsiderations", "owners"), "bob", NOW));
  }

  @Test
  void templatePlaceholdersAreMissingAndDeclaredMetricsFillTheMetricsSection() {
    ModelCard imported = new ModelCard("credit decisions", "[More Information Needed]", "applicants", "2019-2024 loans",
        "2025 holdout", null, "four-fifths rule", "TBD", "adverse action notices", List.of("risk-ml"),
        List.of(new io.gatehouse.contracts.registry.DeclaredMetric("roc_auc", "ROC AUC", 0.81, null, null, null, "test",
            null, null)),
        List.of(new io.gatehouse.contracts.registry.Contact("Risk ML", "risk-ml@bank.example")));
    fixture.given(submitted("credit-scorer", 1, "HIGH"))
        .when(new UpdateModelCard("credit-scorer", 1, imported, "bob"))
        .expectEvents(new ModelCardUpdated("credit-scorer", 1, 2, imported, List.of("outOfScopeUse", "limitations"),
            "bob", NOW));
  }

  @Test
  void theFirstCardOfAVersionSubmittedWithoutOneIsRevisionOne() {
    fixture.given(created())
        .when(new UpdateModelCard("credit-scorer", 1, card(), "bob"))
        .expectEvents(new ModelCardUpdated("credit-scorer", 1, 1, card(), List.of(), "bob", NOW));
  }

  @Test
  void refusesAnOversizedCard() {
    ModelCard huge = new ModelCard("x".repeat(ModelCards.MAX_SECTION + 1), null, null, null, null, null, null, null,
        null, List.of(), List.of(), List.of());
    fixture.given(submitted("credit-scorer", 1, "HIGH"))
        .when(new UpdateModelCard("credit-scorer", 1, huge, "bob"))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("intendedUse"))
        .expectNoEvents();
  }

  @Test
  void retiresOnceWithAReasonAndThenTakesNoCard() {
    fixture.given(submitted("credit-scorer", 1, "HIGH"))
        .when(new RetireModelVersion("credit-scorer", 1, "superseded", "alice"))
        .expectEvents(new ModelVersionRetired("credit-scorer", 1, "superseded", "alice", NOW));
    fixture.given(submitted("credit-scorer", 1, "HIGH"), new ModelVersionRetired("credit-scorer", 1, "old", "a", NOW))
        .when(new RetireModelVersion("credit-scorer", 1, "again", "alice"))
        .expectException(RegistryRuleViolation.class).expectNoEvents();
    fixture.given(submitted("credit-scorer", 1, "HIGH"), new ModelVersionRetired("credit-scorer", 1, "old", "a", NOW))
        .when(new UpdateModelCard("credit-scorer", 1, card(), "bob"))
        .expectException(RegistryRuleViolation.class).expectNoEvents();
  }

  @Test
  void theDigestTagOfASubmittedVersionCannotBeRemoved() {
    fixture.given(submitted("credit-scorer", 1, "HIGH"),
            new ModelVersionTagSet("credit-scorer", 1, GatehouseTags.ARTIFACT_SHA256, Fixtures.SHA, "alice", NOW))
        .when(new DeleteModelVersionTag("credit-scorer", 1, GatehouseTags.ARTIFACT_SHA256, "alice"))
        .expectException(RegistryRuleViolation.class).expectNoEvents();
    fixture.given(created(), new ModelVersionTagSet("credit-scorer", 1, "k", "v", "alice", NOW))
        .when(new DeleteModelVersionTag("credit-scorer", 1, "k", "alice"))
        .expectEvents(new ModelVersionTagDeleted("credit-scorer", 1, "k", "alice", NOW));
  }

  @Test
  void aDeletedVersionIsNotFound() {
    fixture.given(created(), new ModelVersionDeleted("credit-scorer", 1, "alice", NOW))
        .when(new UpdateModelCard("credit-scorer", 1, card(), "bob"))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage("Model Version (name=credit-scorer, version=1) not found")
        .expectNoEvents();
  }
}
