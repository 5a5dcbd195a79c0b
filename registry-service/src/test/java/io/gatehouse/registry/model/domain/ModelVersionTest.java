package io.gatehouse.registry.model.domain;

import static io.gatehouse.registry.model.domain.Fixtures.CLOCK;
import static io.gatehouse.registry.model.domain.Fixtures.NOW;
import static io.gatehouse.registry.model.domain.Fixtures.card;
import static io.gatehouse.registry.model.domain.Fixtures.submitted;

import io.gatehouse.contracts.registry.CardRequirements;
import io.gatehouse.contracts.registry.ColumnMapping;
import io.gatehouse.contracts.registry.DatasetRef;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.ModelCardUpdated;
import io.gatehouse.contracts.registry.ModelVersionCreated;
import io.gatehouse.contracts.registry.ModelVersionDeleted;
import io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet;
import io.gatehouse.contracts.registry.ModelVersionLineageSet;
import io.gatehouse.contracts.registry.ModelVersionRetired;
import io.gatehouse.contracts.registry.ModelVersionTagDeleted;
import io.gatehouse.contracts.registry.ModelVersionTagSet;
import io.gatehouse.registry.model.api.DeleteModelVersionTag;
import io.gatehouse.registry.model.api.RetireModelVersion;
import io.gatehouse.registry.model.api.SetEvaluationData;
import io.gatehouse.registry.model.api.SetLineage;
import io.gatehouse.registry.model.api.UpdateModelCard;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelVersionTest {

  private static final List<String> ALL = CardRequirements.SECTIONS;

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
        .when(new UpdateModelCard("credit-scorer", 1, partial, ALL, "bob"))
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
        .when(new UpdateModelCard("credit-scorer", 1, imported, ALL, "bob"))
        .expectEvents(new ModelCardUpdated("credit-scorer", 1, 2, imported, List.of("outOfScopeUse", "limitations"),
            "bob", NOW));
  }

  @Test
  void theFirstCardOfAVersionSubmittedWithoutOneIsRevisionOne() {
    fixture.given(created())
        .when(new UpdateModelCard("credit-scorer", 1, card(), ALL, "bob"))
        .expectEvents(new ModelCardUpdated("credit-scorer", 1, 1, card(), List.of(), "bob", NOW));
  }

  @Test
  void onlyTheSectionsThePolicyRequiresCountAsMissing() {
    ModelCard partial = new ModelCard("credit decisions", null, null, null, null, null, null, null, null,
        List.of(), List.of(), List.of());
    fixture.given(submitted("credit-scorer", 1, "LOW"))
        .when(new UpdateModelCard("credit-scorer", 1, partial, List.of("owners", "intendedUse", "limitations"), "bob"))
        .expectEvents(new ModelCardUpdated("credit-scorer", 1, 2, partial, List.of("limitations", "owners"), "bob",
            NOW));
  }

  private static EvaluationDataRef otherEvaluation() {
    return new EvaluationDataRef("https://data.example/credit/eval-2.csv", "d".repeat(64), "jsonl",
        new ColumnMapping("y", "y_hat", null, List.of("age_band"), List.of()));
  }

  @Test
  void evaluationDataGivenAfterCreationIsSetAndTheSameAgainChangesNothing() {
    fixture.given(created())
        .when(new SetEvaluationData("credit-scorer", 1, otherEvaluation(), "bob"))
        .expectEvents(new ModelVersionEvaluationDataSet("credit-scorer", 1, otherEvaluation(), "bob", NOW));
    fixture.given(submitted("credit-scorer", 1, "HIGH"))
        .when(new SetEvaluationData("credit-scorer", 1, Fixtures.evaluation(), "bob"))
        .expectSuccessfulHandlerExecution().expectNoEvents();
    fixture.given(submitted("credit-scorer", 1, "HIGH"),
            new ModelVersionEvaluationDataSet("credit-scorer", 1, otherEvaluation(), "bob", NOW))
        .when(new SetEvaluationData("credit-scorer", 1, otherEvaluation(), "carol"))
        .expectSuccessfulHandlerExecution().expectNoEvents();
  }

  @Test
  void evaluationDataAndLineageAreCheckedAsAtSubmission() {
    EvaluationDataRef badSha = new EvaluationDataRef("https://data.example/e.csv", "ABC", "csv",
        new ColumnMapping("y", "y_hat", null, List.of(), List.of()));
    fixture.given(submitted("credit-scorer", 1, "HIGH"))
        .when(new SetEvaluationData("credit-scorer", 1, badSha, "bob"))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage("The evaluation data sha256 must be 64 lowercase hexadecimal digits.")
        .expectNoEvents();
    Lineage noCommit = new Lineage(List.of(), "https://git.example/credit", " ", null);
    fixture.given(submitted("credit-scorer", 1, "HIGH"))
        .when(new SetLineage("credit-scorer", 1, noCommit, "bob"))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage("Lineage names the code repository and commit.")
        .expectNoEvents();
  }

  @Test
  void lineageIsReplacedWithoutTouchingTheArtifact() {
    Lineage next = new Lineage(List.of(new DatasetRef("s3://data/train-2.parquet", "e".repeat(64), "train")),
        "https://git.example/credit", "fedcba9876543210fedcba9876543210fedcba98", null);
    fixture.given(submitted("credit-scorer", 1, "HIGH"))
        .when(new SetLineage("credit-scorer", 1, next, "bob"))
        .expectEvents(new ModelVersionLineageSet("credit-scorer", 1, next, "bob", NOW))
        .expectState(v -> org.assertj.core.api.Assertions.assertThat(v.facts().sha256())
            .isEqualTo(Fixtures.SHA));
    fixture.given(submitted("credit-scorer", 1, "HIGH"))
        .when(new SetLineage("credit-scorer", 1, Fixtures.lineage(), "bob"))
        .expectSuccessfulHandlerExecution().expectNoEvents();
  }

  @Test
  void aRetiredOrDeletedVersionTakesNoEvidence() {
    fixture.given(submitted("credit-scorer", 1, "HIGH"), new ModelVersionRetired("credit-scorer", 1, "old", "a", NOW))
        .when(new SetEvaluationData("credit-scorer", 1, otherEvaluation(), "bob"))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("is retired"))
        .expectNoEvents();
    fixture.given(submitted("credit-scorer", 1, "HIGH"), new ModelVersionRetired("credit-scorer", 1, "old", "a", NOW))
        .when(new SetLineage("credit-scorer", 1, Fixtures.lineage(), "bob"))
        .expectException(RegistryRuleViolation.class).expectNoEvents();
    fixture.given(created(), new ModelVersionDeleted("credit-scorer", 1, "alice", NOW))
        .when(new SetEvaluationData("credit-scorer", 1, otherEvaluation(), "bob"))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage("Model Version (name=credit-scorer, version=1) not found")
        .expectNoEvents();
  }

  @Test
  void refusesAnOversizedCard() {
    ModelCard huge = new ModelCard("x".repeat(ModelCards.MAX_SECTION + 1), null, null, null, null, null, null, null,
        null, List.of(), List.of(), List.of());
    fixture.given(submitted("credit-scorer", 1, "HIGH"))
        .when(new UpdateModelCard("credit-scorer", 1, huge, ALL, "bob"))
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
        .when(new UpdateModelCard("credit-scorer", 1, card(), ALL, "bob"))
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
        .when(new UpdateModelCard("credit-scorer", 1, card(), ALL, "bob"))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage("Model Version (name=credit-scorer, version=1) not found")
        .expectNoEvents();
  }
}
