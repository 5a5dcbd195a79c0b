package io.gatehouse.registry.card.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatehouse.contracts.registry.Contact;
import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.ModelCard;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real Hugging Face model cards in, the exact card fields and warnings out. */
class HuggingFaceCardImportTest {

  @Test
  void textClassifierFromTheHubTemplateWithModelIndex() {
    ImportedCard imported = Cards.huggingFace("hf-text-classifier.md");
    ModelCard card = imported.card();

    assertThat(card.intendedUse()).isEqualTo("""
        Rank incoming customer feedback by negative sentiment so that support agents read the most
        unhappy customers first. Every message is still read by a person.

        **Downstream Use**

        Aggregated sentiment per product line in the monthly quality dashboard.""");
    assertThat(card.outOfScopeUse()).isEqualTo("""
        - Decisions about individual customers (refunds, account closure, credit).
        - Languages other than English; sarcasm-heavy social media text.
        - Evaluating the performance of employees from the feedback they receive.""");
    assertThat(card.usersAffected()).isNull();
    assertThat(card.trainingData()).startsWith("SST-2 (67k sentences from movie reviews) followed by 18,400")
        .endsWith("disagreements were resolved by a third.");
    assertThat(card.evaluationData())
        .isEqualTo("SST-2 validation split, and 2,300 customer feedback messages from 2024 held out by month.");
    assertThat(card.metrics()).isEqualTo("""
        Accuracy and F1 on the negative class: the queue cares about finding negative messages.

        **Results**

        | slice | accuracy |
        |---|---|
        | all 2024 feedback | 0.874 |
        | non-native English | 0.836 |

        ### Summary

        Good enough to order a queue; not good enough to decide anything alone.""");
    assertThat(card.fairnessConsiderations()).isEqualTo("""
        **Factors**

        Native and non-native English (self-declared in the customer profile), message length.""");
    assertThat(card.limitations()).startsWith("The model scores dialect and non-native English as more negative")
        .contains("five words is close to chance.\n\n**Recommendations**\n\nUse the score to order a queue, never to drop messages.")
        .doesNotContain("<!--");
    assertThat(card.ethicalConsiderations()).isNull();
    assertThat(card.owners()).containsExactly("ACME Customer Analytics", "Jana Novak");
    assertThat(card.contacts()).containsExactly(new Contact("Jana Novak", null),
        new Contact(null, "analytics-ml@acme.example"));
    assertThat(card.declaredMetrics()).containsExactly(
        new DeclaredMetric("accuracy", "Accuracy", 0.9106, "text-classification", "stanfordnlp/sst2", "default",
            "validation", null, null),
        new DeclaredMetric("f1", "F1", 0.9123, "text-classification", "stanfordnlp/sst2", "default", "validation",
            null, null),
        new DeclaredMetric("accuracy", "Accuracy", 0.874, "text-classification", "acme/feedback-2024", null, "test",
            null, "ACME model validation report MVR-2025-014 (https://wiki.acme.example/mvr/2025-014)"));

    assertThat(imported.warnings()).extracting(CardWarning::code, CardWarning::location).containsExactly(
        tuple("unmapped-front-matter", "front matter: language"),
        tuple("unmapped-front-matter", "front matter: license"),
        tuple("unmapped-front-matter", "front matter: library_name"),
        tuple("unmapped-front-matter", "front matter: pipeline_tag"),
        tuple("unmapped-front-matter", "front matter: tags"),
        tuple("unmapped-front-matter", "front matter: datasets"),
        tuple("unmapped-front-matter", "front matter: base_model"),
        tuple("unmapped-front-matter", "front matter: metrics"),
        tuple("unmapped-section", "section 'Model Card for feedback-sentiment-distilbert'"),
        tuple("unmapped-field", "section 'Model Description': Model type"),
        tuple("unmapped-field", "section 'Model Description': Language(s) (NLP)"),
        tuple("unmapped-field", "section 'Model Description': License"),
        tuple("unmapped-field", "section 'Model Description': Finetuned from model"),
        tuple("unmapped-section", "section 'Model Description'"),
        tuple("unmapped-field", "section 'Model Sources [optional]': Repository"),
        tuple("unmapped-section", "section 'How to Get Started with the Model'"),
        tuple("unmapped-section", "section 'Training Hyperparameters'"));
    // YAML 1.2, as the Hub reads it: Norwegian stays "no", not false
    assertThat(imported.warnings().get(0).message()).isEqualTo(
        "Front matter 'language: [en, no]' has no place in the card; not imported.");
    assertThat(imported.warnings()).filteredOn(w -> w.location().endsWith("'Model Description'")).singleElement()
        .extracting(CardWarning::message).asString()
        .contains("A DistilBERT model fine-tuned on SST-2");
  }

  @Test
  void tabularCreditModelWithMitchellStyleSectionsAndSlicedMetrics() {
    ImportedCard imported = Cards.huggingFace("hf-credit-tabular.md");
    ModelCard card = imported.card();

    assertThat(card.intendedUse()).isEqualTo("""
        Estimates the probability that a retail loan applicant defaults within 12 months. Underwriters
        use it as one input among others for applications up to EUR 50,000.

        **Primary intended users**

        Credit underwriters in the EU retail lending team.""");
    assertThat(card.outOfScopeUse()).isEqualTo("Business loans, mortgages, and any fully automated approval or rejection.");
    assertThat(card.usersAffected()).startsWith("Retail loan applicants in Germany, Austria and the Netherlands");
    assertThat(card.trainingData()).startsWith("Retail loan book 2018-2023: 1.2 million applications");
    assertThat(card.evaluationData()).isEqualTo("Hold-out of 48,000 applications from 2023-Q4, never used for training or tuning.");
    assertThat(card.metrics()).startsWith("ROC AUC for ranking, Brier score for calibration");
    assertThat(card.fairnessConsiderations()).contains("selection-rate ratio\nof 0.82");
    assertThat(card.limitations()).startsWith("Not validated for applicants without a bureau score.");
    assertThat(card.ethicalConsiderations()).contains("reason codes come from the top SHAP values");
    assertThat(card.owners()).containsExactly("Credit Risk Modelling team", "maria.schmidt@acme.example");
    assertThat(card.contacts()).containsExactly(new Contact("Credit Risk Modelling", "credit-risk-ml@acme.example"),
        new Contact(null, "#credit-risk-models"));
    assertThat(card.declaredMetrics()).extracting(DeclaredMetric::type, DeclaredMetric::name, DeclaredMetric::value,
        DeclaredMetric::dataset, DeclaredMetric::datasetConfig, DeclaredMetric::split, DeclaredMetric::slice).containsExactly(
        tuple("roc_auc", "ROC AUC", 0.812, "acme/loan-book", "retail-eu", "holdout-2023q4", null),
        tuple("brier", "Brier score", 0.071, "acme/loan-book", "retail-eu", "holdout-2023q4", null),
        tuple("selection_rate", null, 0.31, "acme/loan-book", "retail-eu", "holdout-2023q4", "age_band=18-25"),
        tuple("selection_rate", null, 0.38, "acme/loan-book", "retail-eu", "holdout-2023q4", "age_band=26-64"));
    assertThat(card.declaredMetrics()).allSatisfy(m -> assertThat(m.task()).isEqualTo("tabular-classification"));

    assertThat(imported.warnings()).extracting(CardWarning::location).containsExactly(
        "front matter: license", "front matter: license_name", "front matter: library_name", "front matter: tags");
    assertThat(CardCompleteness.missing(card, RequiredSections.defaults().forTier("CRITICAL"))).isEmpty();
  }

  @Test
  void frontMatterOnlyGivesDeclaredMetricsAndReportsTheValueThatIsNotANumber() {
    ImportedCard imported = Cards.huggingFace("hf-front-matter-only.md");
    ModelCard card = imported.card();

    assertThat(card.declaredMetrics()).containsExactly(
        new DeclaredMetric("roc_auc", null, 0.79, "tabular-classification", "acme/churn-2024", null, "test", null, null),
        new DeclaredMetric("accuracy", null, 0.84, "tabular-classification", "acme/churn-2024", null, "test", null, null));
    assertThat(CardSection.textSections()).allSatisfy(s -> assertThat(s.text(card)).as(s.wireName()).isNull());
    assertThat(card.owners()).isEmpty();
    assertThat(card.contacts()).isEmpty();
    assertThat(imported.warnings()).extracting(CardWarning::code, CardWarning::location).containsExactly(
        tuple("unmapped-front-matter", "front matter: license"),
        tuple("unmapped-front-matter", "front matter: tags"),
        tuple("metric-skipped", "model-index[0].results[0].metrics[2]"));
    assertThat(imported.warnings().get(2).message())
        .isEqualTo("Metric 'recall' at model-index[0].results[0].metrics[2] has the value 'n/a', not a finite number; skipped.");
    // the metrics section is filled by declared metrics alone; nothing else is
    assertThat(CardCompleteness.missing(card, RequiredSections.defaults().forTier("MEDIUM")))
        .containsExactly(CardSection.INTENDED_USE, CardSection.TRAINING_DATA, CardSection.EVALUATION_DATA,
            CardSection.LIMITATIONS, CardSection.OWNERS);
  }

  @Test
  void templatePlaceholdersStayMissingAndAreReported() {
    ImportedCard imported = Cards.huggingFace("hf-template-placeholders.md");
    ModelCard card = imported.card();

    assertThat(card.intendedUse()).isEqualTo("Flags card-not-present transactions for manual fraud review.");
    assertThat(card.trainingData()).isEqualTo("Card transactions of 2024. [More Information Needed]");
    assertThat(card.outOfScopeUse()).isNull();
    assertThat(card.limitations()).as("placeholder and the template's stock recommendation").isNull();
    assertThat(card.evaluationData()).isNull();
    assertThat(card.metrics()).as("TBD and an unrendered {{ results }}").isNull();
    assertThat(card.owners()).isEmpty();
    assertThat(card.contacts()).isEmpty();
    assertThat(card.declaredMetrics()).isEmpty();

    assertThat(imported.warnings()).extracting(CardWarning::code, CardWarning::location).containsExactly(
        tuple("placeholder", "section 'Model Description': Developed by"),
        tuple("placeholder", "section 'Downstream Use [optional]'"),
        tuple("placeholder", "section 'Out-of-Scope Use'"),
        tuple("placeholder", "section 'Bias, Risks, and Limitations'"),
        tuple("placeholder", "section 'Recommendations'"),
        tuple("placeholder-in-text", "section 'Training Data'"),
        tuple("placeholder", "section 'Testing Data'"),
        tuple("placeholder", "section 'Metrics'"),
        tuple("placeholder", "section 'Results'"),
        tuple("placeholder", "section 'Model Card Authors [optional]'"),
        tuple("placeholder", "section 'Model Card Contact'"));
    assertThat(imported.warnings().get(2).message())
        .isEqualTo("Section 'Out-of-Scope Use' holds only a template placeholder; it gives outOfScopeUse nothing.");
    // the table of contents and the placeholder-only key-value lines are not reported: nothing is lost
    assertThat(imported.warnings()).noneMatch(w -> w.location().contains("Table of Contents"));

    assertThat(CardCompleteness.missingWireNames(card, RequiredSections.defaults().forTier("HIGH"))).containsExactly(
        "outOfScopeUse", "usersAffected", "evaluationData", "metrics", "fairnessConsiderations", "limitations",
        "ethicalConsiderations", "owners");
  }

  @Test
  void trainerGeneratedCardKeepsItsMetricAndReportsTheRest() {
    ImportedCard imported = Cards.huggingFace("hf-trainer-autogenerated.md");

    assertThat(imported.card().declaredMetrics()).containsExactly(
        new DeclaredMetric("accuracy", "Accuracy", 0.9312, "text-classification", null, null, null, null, null));
    assertThat(CardSection.textSections()).allSatisfy(s -> assertThat(s.text(imported.card())).isNull());
    assertThat(imported.warnings()).extracting(CardWarning::code, CardWarning::location).containsExactly(
        tuple("unmapped-front-matter", "front matter: library_name"),
        tuple("unmapped-front-matter", "front matter: license"),
        tuple("unmapped-front-matter", "front matter: base_model"),
        tuple("unmapped-front-matter", "front matter: tags"),
        tuple("unmapped-front-matter", "front matter: metrics"),
        tuple("unmapped-section", "section 'bert-base-cased-ticket-routing'"),
        tuple("placeholder", "section 'Intended uses & limitations'"),
        tuple("placeholder", "section 'Training and evaluation data'"),
        tuple("unmapped-section", "section 'Training hyperparameters'"),
        tuple("unmapped-section", "section 'Training results'"),
        tuple("unmapped-section", "section 'Framework versions'"));
    assertThat(imported.warnings().get(7).message()).isEqualTo("Section 'Training and evaluation data' holds only a "
        + "template placeholder; it gives trainingData and evaluationData nothing.");
  }

  @Test
  void headingsMatchAtAnyLevelIgnoringCasePunctuationAndOptional() {
    ModelCard card = HuggingFaceCardReader.read("""
        # USES
        Scores churn risk.
        #### out-of-scope uses [optional]
        Pricing.

        Who is affected
        ---------------
        Subscribers.
        ## Training & Evaluation Data
        CRM events 2024.
        ## Ethics
        None identified beyond privacy.
        """).card();

    assertThat(card.intendedUse()).isEqualTo("Scores churn risk.");
    assertThat(card.outOfScopeUse()).isEqualTo("Pricing.");
    assertThat(card.usersAffected()).isEqualTo("Subscribers.");
    assertThat(card.trainingData()).isEqualTo("CRM events 2024.").isEqualTo(card.evaluationData());
    assertThat(card.ethicalConsiderations()).isEqualTo("None identified beyond privacy.");
  }

  @Test
  void anUnknownSubsectionWithContentBelongsToTheKnownSectionAboveIt() {
    ImportedCard imported = HuggingFaceCardReader.read("""
        # Limitations
        Thin files.
        ## Known failure modes
        Applicants without a bureau score.
        ### Seen in production
        Two cases in 2024.
        ## Empty one
        [More Information Needed]
        # Glossary
        PD: probability of default.
        """);

    assertThat(imported.card().limitations()).isEqualTo("""
        Thin files.

        ### Known failure modes

        Applicants without a bureau score.

        #### Seen in production

        Two cases in 2024.""");
    assertThat(imported.warnings()).extracting(CardWarning::location).containsExactly("section 'Glossary'");
  }

  @Test
  void contactsInTheFormsPeopleWriteThem() {
    ImportedCard imported = HuggingFaceCardReader.read("""
        ## Model Card Contact
        - Risk ML <risk-ml@bank.example>
        - [Jana Novak](mailto:jana@bank.example)
        - Ops on-call (https://oncall.bank.example/risk)
        - @risk-ml-bot
        - Priya Raman
        - For anything urgent write to urgent@bank.example or see https://wiki.bank.example/risk
        """);

    assertThat(imported.card().contacts()).containsExactly(
        new Contact("Risk ML", "risk-ml@bank.example"),
        new Contact("Jana Novak", "jana@bank.example"),
        new Contact("Ops on-call", "https://oncall.bank.example/risk"),
        new Contact(null, "@risk-ml-bot"),
        new Contact("Priya Raman", null),
        new Contact(null, "urgent@bank.example"),
        new Contact(null, "https://wiki.bank.example/risk"));
    assertThat(imported.warnings()).extracting(CardWarning::code).containsExactly(CardWarning.CONTACT_REDUCED);
  }

  @Test
  void aDeclaredMetricsTableWithoutModelIndexIsReported() {
    ImportedCard imported = HuggingFaceCardReader.read("""
        ## Declared Metrics
        | Metric | Value |
        |---|---|
        | accuracy | 0.9 |
        """);
    assertThat(imported.card().declaredMetrics()).isEmpty();
    assertThat(imported.warnings()).extracting(CardWarning::code).containsExactly(CardWarning.METRICS_TABLE_IGNORED);
  }

  @Test
  void besideAModelIndexTheDeclaredMetricsTableIsItsRenderingButOtherTextThereIsReported() {
    String frontMatter = "---\nmodel-index:\n- name: m\n  results:\n  - metrics:\n    - {type: accuracy, value: 0.9}\n---\n";
    ImportedCard tableOnly = HuggingFaceCardReader.read(frontMatter + "## Declared Metrics\n\n| Metric | Value |\n|---|---|\n| accuracy | 0.9 |\n");
    assertThat(tableOnly.warnings()).isEmpty();
    assertThat(tableOnly.card().declaredMetrics()).hasSize(1);

    ImportedCard withText = HuggingFaceCardReader.read(frontMatter + "## Declared Metrics\n\nMeasured by the vendor.\n");
    assertThat(withText.warnings()).extracting(CardWarning::code, CardWarning::location)
        .containsExactly(tuple("unmapped-section", "section 'Declared Metrics'"));
  }

  @Test
  void modelIndexOfTheWrongShapeIsReportedEntryByEntry() {
    ImportedCard imported = HuggingFaceCardReader.read("""
        ---
        model-index:
        - name: m
          results:
          - task: {type: text-classification}
            dataset: {type: imdb, name: IMDb, revision: 3e3a2b1}
            metrics:
            - {value: 0.5}
            - {type: accuracy, value: .nan}
            - {type: f1, value: 0.88, verified: true, verifyToken: eyJhbGciOiJFZERTQSJ9.long-signature}
          - not a mapping
        ---
        """);

    assertThat(imported.card().declaredMetrics()).containsExactly(
        new DeclaredMetric("f1", null, 0.88, "text-classification", "imdb", null, null, null, null));
    assertThat(imported.warnings()).extracting(CardWarning::code, CardWarning::location).containsExactly(
        tuple("unmapped-field", "model-index[0].results[0].dataset.revision"),
        tuple("metric-skipped", "model-index[0].results[0].metrics[0]"),
        tuple("metric-skipped", "model-index[0].results[0].metrics[1]"),
        tuple("unmapped-field", "model-index[0].results[0].metrics[2].verified"),
        tuple("unmapped-field", "model-index[0].results[0].metrics[2].verifyToken"),
        tuple("metric-skipped", "model-index[0].results[1]"));
    assertThat(imported.warnings().get(4).message()).doesNotContain("long-signature");
  }

  @Test
  void unknownFrontMatterValuesAreShownShortened() {
    ImportedCard imported = HuggingFaceCardReader.read("---\nwidget:\n- text: " + "x".repeat(500) + "\n---\n");
    assertThat(imported.warnings()).singleElement().extracting(CardWarning::message).asString()
        .startsWith("Front matter 'widget: [{text: xxx").hasSizeLessThan(200);
  }

  @Test
  void carriageReturnsAndAByteOrderMarkDoNotMatter() {
    ModelCard card = HuggingFaceCardReader.read("\uFEFF---\r\nlicense: mit\r\n---\r\n## Intended Use\r\nScores churn.\r\n")
        .card();
    assertThat(card.intendedUse()).isEqualTo("Scores churn.");
  }

  @Test
  void markdownWithoutAnyKnownSectionGivesAnEmptyCardAndSaysWhy() {
    ImportedCard imported = HuggingFaceCardReader.read("Just a paragraph about the model.\n");
    assertThat(imported.card()).isEqualTo(new ModelCard(null, null, null, null, null, null, null, null, null,
        List.of(), List.of(), List.of()));
    assertThat(imported.warnings()).extracting(CardWarning::location).containsExactly("text before the first heading");
  }
}
