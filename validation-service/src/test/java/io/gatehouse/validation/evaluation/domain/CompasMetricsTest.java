package io.gatehouse.validation.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real COMPAS data (ProPublica, src/test/resources/compas/, a copy of shared/data/compas)
 * against expectations computed independently by {@code compas_expected.py} (standard-library
 * Python written from the definitions), whose printed output is {@code compas_expected.txt}.
 * Predicted positive = score_text Medium or High, label = two_year_recid, groups by race, ROC AUC
 * on decile_score.
 */
class CompasMetricsTest {

  static final Mapping COMPAS = Mapping.parse("two_year_recid", "score_text[Medium,High]", "decile_score",
      List.of("race"), List.of("age", "priors_count", "sex"), 0.5);

  static Map<String, String> expected() throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    try (InputStream in = CompasMetricsTest.class.getResourceAsStream("/compas/compas_expected.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          int eq = line.indexOf('=');
          m.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    return m;
  }

  static Evaluation evaluate(EvaluationOptions options) throws Exception {
    Evaluator e = new Evaluator(COMPAS, options);
    try (InputStream in = CompasMetricsTest.class.getResourceAsStream("/compas/compas-two-years.csv")) {
      CsvReader.read(in, e);
    }
    return e.finish();
  }

  @Test
  void overallMetricsMatchTheIndependentComputation() throws Exception {
    Map<String, String> x = expected();
    Evaluation e = evaluate(EvaluationOptions.DEFAULTS);
    assertThat(e.records()).isEqualTo(7214);
    assertThat(e.malformed()).isZero();
    MetricSet m = e.overall();
    assertThat(m.get("predicted_rows")).isEqualTo(Double.parseDouble(x.get("overall.rows")));
    for (String k : List.of("tp", "fp", "tn", "fn", "accuracy", "selection_rate", "precision", "recall", "f1", "tpr",
        "fpr", "fnr", "ppv", "roc_auc")) {
      assertThat(m.get(k)).as(k).isCloseTo(Double.parseDouble(x.get("overall." + k)), within(1e-12));
    }
    assertThat(m.get("roc_auc_error_bound")).isZero(); // ten distinct deciles: exact
    assertThat(m.reason("ece")).contains("outside [0, 1]"); // deciles are not probabilities
  }

  @Test
  void groupMetricsMatchTheIndependentComputation() throws Exception {
    Map<String, String> x = expected();
    Evaluation.AttributeResult race = evaluate(EvaluationOptions.DEFAULTS).groups().get("race");
    assertThat(race.groups()).containsOnlyKeys("African-American", "Asian", "Caucasian", "Hispanic",
        "Native American", "Other");
    for (String g : race.groups().keySet()) {
      MetricSet m = race.groups().get(g);
      assertThat(m.get("predicted_rows")).as(g).isEqualTo(Double.parseDouble(x.get("race." + g + ".rows")));
      for (String k : List.of("selection_rate", "tpr", "fpr", "fnr", "ppv")) {
        assertThat(m.get(k)).as(g + " " + k).isCloseTo(Double.parseDouble(x.get("race." + g + "." + k)), within(1e-12));
      }
    }
  }

  @Test
  void fairnessMatchesTheIndependentComputationWithAndWithoutTheSmallGroup() throws Exception {
    Map<String, String> x = expected();
    for (int min : new int[] {1, 30}) {
      Evaluation.AttributeResult race = evaluate(EvaluationOptions.DEFAULTS.withMinGroupSize(min)).groups().get("race");
      String p = "fairness.min" + min + ".";
      assertThat(String.join(",", race.compared())).isEqualTo(x.get(p + "compared"));
      assertThat(race.privileged()).isEqualTo(x.get(p + "privileged"));
      for (String k : List.of("demographic_parity_difference", "demographic_parity_ratio",
          "equal_opportunity_difference", "equalized_odds_difference", "disparate_impact")) {
        assertThat(race.fairness().get(k)).as(min + " " + k).isCloseTo(Double.parseDouble(x.get(p + k)), within(1e-12));
      }
    }
    // with the default minimum of 30 rows, Native American (18 rows) is reported but not compared
    Evaluation.AttributeResult race = evaluate(EvaluationOptions.DEFAULTS).groups().get("race");
    assertThat(race.excluded()).containsOnlyKeys("Native American");
  }

  @Test
  void profilesTheFeatures() throws Exception {
    Evaluation e = evaluate(EvaluationOptions.DEFAULTS);
    assertThat(e.profile()).extracting(Histogram::feature).containsExactly("age", "priors_count", "sex", "score");
    Histogram sex = e.profile().get(2);
    assertThat(sex.kind()).isEqualTo("categorical");
    assertThat(sex.categories()).containsExactly("Female", "Male");
    assertThat(sex.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(7214);
    Histogram age = e.profile().get(0);
    assertThat(age.kind()).isEqualTo("numeric");
    assertThat(age.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(7214);
  }

  @Test
  void profilesTheScoreLikeANumericFeature() throws Exception {
    Histogram score = evaluate(EvaluationOptions.DEFAULTS).profile().get(3);
    assertThat(score.feature()).isEqualTo(Evaluator.SCORE_HISTOGRAM);
    assertThat(score.kind()).isEqualTo("numeric");
    assertThat(score.categories()).isEmpty();
    // ten bins on [1, 10] (decile_score's minimum and maximum): one decile each, so the counts are the
    // deciles' frequencies in the CSV (counted with Python's csv module: 1,440 ones ... 383 tens)
    assertThat(score.binEdges()).hasSize(11);
    assertThat(score.binEdges().get(0)).isEqualTo(1.0);
    assertThat(score.binEdges().get(10)).isEqualTo(10.0);
    assertThat(score.counts()).containsExactly(1440L, 941L, 747L, 769L, 681L, 641L, 592L, 512L, 508L, 383L);
  }
}
