package io.gatehouse.registry.card.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gatehouse.contracts.registry.Contact;
import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.ModelCard;
import org.junit.jupiter.api.Test;

class ModelCardToolkitImportTest {

  @Test
  void censusIncomeCardLandsSectionBySection() {
    ImportedCard imported = Cards.toolkit("mct-census-income.json");
    ModelCard card = imported.card();

    assertThat(card.intendedUse()).isEqualTo("""
        - Teaching how model cards document disparities across groups.

        **Intended users**

        - Researchers studying fairness metrics
        - Students""");
    assertThat(card.trainingData()).isEqualTo("""
        - **UCI Adult, training split** (https://archive.ics.uci.edu/dataset/2/adult): 32,561 rows from the 1994 US census. Sensitive data: sex; race; native-country.
        - **Census 2020 sample**: A sample used for calibration checks.""".replace("\n- **Census", "\n\n- **Census"));
    assertThat(card.evaluationData()).isEqualTo(
        "- **UCI Adult, eval split** (https://archive.ics.uci.edu/dataset/2/adult): 16,281 rows held out by the dataset authors.");
    assertThat(card.limitations()).isEqualTo("""
        - Census of 1994: the income threshold and population have changed.

        **Tradeoffs**

        - A lower threshold raises recall for women at the cost of more false positives.""");
    assertThat(card.ethicalConsiderations()).isEqualTo("- Predictions could be used to target people by income. "
        + "Mitigation: Only released with synthetic identifiers; not for decisions about people.");
    assertThat(card.outOfScopeUse()).isNull();
    assertThat(card.usersAffected()).as("the toolkit's users are operators, not the people affected").isNull();
    assertThat(card.fairnessConsiderations()).isNull();
    assertThat(card.metrics()).isNull();
    assertThat(card.owners()).containsExactly("Responsible AI demo team", "Priya Raman");
    assertThat(card.contacts()).containsExactly(new Contact("Responsible AI demo team", "rai-demo@example.org"));
    assertThat(card.declaredMetrics()).containsExactly(
        new DeclaredMetric("accuracy", null, 0.8712, null, null, null, null, null, null),
        new DeclaredMetric("false positive rate", null, 0.061, null, null, null, null, "sex=Female", null),
        new DeclaredMetric("false positive rate", null, 0.094, null, null, null, null, "sex=Male", null),
        new DeclaredMetric("recall", null, 0.64, null, null, null, null, null, null));

    assertThat(imported.warnings()).extracting(CardWarning::code, CardWarning::location).containsExactly(
        tuple("unmapped-field", "/model_details/name"),
        tuple("unmapped-field", "/model_details/overview"),
        tuple("unmapped-field", "/model_details/version"),
        tuple("unmapped-field", "/model_details/licenses"),
        tuple("unmapped-field", "/model_details/references"),
        tuple("unmapped-field", "/model_details/citations"),
        tuple("unmapped-field", "/model_parameters/model_architecture"),
        tuple("guessed-dataset-role", "/model_parameters/data/2"),
        tuple("unmapped-field", "/model_parameters/input_format"),
        tuple("unmapped-field", "/quantitative_analysis/performance_metrics/3/confidence_interval"),
        tuple("metric-skipped", "/quantitative_analysis/performance_metrics/4"),
        tuple("unmapped-field", "/quantitative_analysis/graphics"));
    assertThat(imported.warnings().get(10).message()).isEqualTo("Performance metric at "
        + "/quantitative_analysis/performance_metrics/4 'precision' has the value 'high', not a finite number; skipped.");
    assertThat(CardCompleteness.missingWireNames(card, RequiredSections.defaults().forTier("HIGH")))
        .containsExactly("outOfScopeUse", "usersAffected", "fairnessConsiderations");
  }

  @Test
  void unknownSchemaVersionsAndPropertiesAreReportedAndWrongShapesSkipped() {
    ImportedCard imported = ModelCardToolkitReader.read("""
        {"schema_version": "0.1.0",
         "model_details": {"owners": [{"contact": "ml@bank.example"}, {}], "path": "/models/x"},
         "considerations": {"use_cases": ["Plain string use case"], "limitations": "not a list"},
         "extra": true}""");

    assertThat(imported.card().owners()).containsExactly("ml@bank.example");
    assertThat(imported.card().contacts()).containsExactly(new Contact(null, "ml@bank.example"));
    assertThat(imported.card().intendedUse()).isEqualTo("- Plain string use case");
    assertThat(imported.warnings()).extracting(CardWarning::code, CardWarning::location).containsExactly(
        tuple("unknown-schema-version", "/schema_version"),
        tuple("unmapped-field", "/model_details/owners/1"),
        tuple("unmapped-field", "/model_details/path"),
        tuple("unmapped-field", "/considerations/limitations"),
        tuple("unmapped-field", "/extra"));
  }

  @Test
  void aDocumentThatIsNotJsonIsUnreadable() {
    assertThatThrownBy(() -> ModelCardToolkitReader.read("{\"model_details\": "))
        .isInstanceOf(UnreadableCard.class).hasMessageStartingWith("The Model Card Toolkit document is not valid JSON (line 1");
    assertThatThrownBy(() -> ModelCardToolkitReader.read("[]"))
        .isInstanceOf(UnreadableCard.class).hasMessage("A Model Card Toolkit document must be a JSON object.");
    assertThatThrownBy(() -> ModelCardToolkitReader.read("{\"considerations\": {}, \"considerations\": {}}"))
        .isInstanceOf(UnreadableCard.class).hasMessageContaining("Duplicate");
  }
}
