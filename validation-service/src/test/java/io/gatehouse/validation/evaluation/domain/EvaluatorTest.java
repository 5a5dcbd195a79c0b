package io.gatehouse.validation.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact metric values on small cases computed by hand (the arithmetic is in the comments). */
class EvaluatorTest {

  static final String EIGHT_ROWS = """
      y,yhat,p,g
      1,1,0.9,a
      1,0,0.4,a
      0,1,0.6,a
      0,0,0.2,a
      1,1,0.8,b
      0,0,0.1,b
      0,0,0.3,b
      1,1,0.7,b
      """;

  static Evaluation evaluate(String csv, Mapping m, EvaluationOptions o) {
    Evaluator e = new Evaluator(m, o);
    try {
      CsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), e);
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
    return e.finish();
  }

  static Mapping mapping(String label, String pred, String score, List<String> groups, List<String> features) {
    return Mapping.parse(label, pred, score, groups, features, 0.5);
  }

  static final EvaluationOptions ANY_GROUP = EvaluationOptions.DEFAULTS.withMinGroupSize(1);

  @Test
  void computesConfusionMetricsOverall() {
    MetricSet m = evaluate(EIGHT_ROWS, mapping("y", "yhat", "p", List.of("g"), List.of()), ANY_GROUP).overall();
    // tp = rows 1, 5, 8; fn = row 2; fp = row 3; tn = rows 4, 6, 7
    assertThat(m.get("tp")).isEqualTo(3.0);
    assertThat(m.get("fn")).isEqualTo(1.0);
    assertThat(m.get("fp")).isEqualTo(1.0);
    assertThat(m.get("tn")).isEqualTo(3.0);
    assertThat(m.get("accuracy")).isEqualTo(0.75);       // 6 / 8
    assertThat(m.get("precision")).isEqualTo(0.75);      // 3 / 4
    assertThat(m.get("recall")).isEqualTo(0.75);         // 3 / 4
    assertThat(m.get("f1")).isEqualTo(0.75);             // 6 / 8
    assertThat(m.get("selection_rate")).isEqualTo(0.5);  // 4 / 8
    assertThat(m.get("fpr")).isEqualTo(0.25);            // 1 / 4
    assertThat(m.get("fnr")).isEqualTo(0.25);            // 1 / 4
  }

  @Test
  void computesScoreMetricsOverall() {
    MetricSet m = evaluate(EIGHT_ROWS, mapping("y", "yhat", "p", List.of("g"), List.of()), ANY_GROUP).overall();
    // positives 0.9 0.4 0.8 0.7 against negatives 0.6 0.2 0.1 0.3: 4 + 3 + 4 + 4 = 15 of 16 pairs
    assertThat(m.get("roc_auc")).isEqualTo(15.0 / 16);
    assertThat(m.get("roc_auc_error_bound")).isEqualTo(0.0);
    // (0.01 + 0.36 + 0.36 + 0.04 + 0.04 + 0.01 + 0.09 + 0.09) / 8
    assertThat(m.get("brier")).isCloseTo(0.125, within(1e-15));
    double ll = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.4) + Math.log(0.8) + Math.log(0.8) + Math.log(0.9)
        + Math.log(0.7) + Math.log(0.7)) / 8;
    assertThat(m.get("log_loss")).isCloseTo(ll, within(1e-15));
    // one row per bin: |y - p| = 0.1 0.6 0.6 0.2 0.2 0.1 0.3 0.3, mean 0.3
    assertThat(m.get("ece")).isCloseTo(0.3, within(1e-15));
  }

  @Test
  void computesGroupMetricsAndFairness() {
    Evaluation e = evaluate(EIGHT_ROWS, mapping("y", "yhat", "p", List.of("g"), List.of()), ANY_GROUP);
    Evaluation.AttributeResult g = e.groups().get("g");
    // a: tp 1 fn 1 fp 1 tn 1; b: tp 2 tn 2
    assertThat(g.groups().get("a").get("tpr")).isEqualTo(0.5);
    assertThat(g.groups().get("a").get("fpr")).isEqualTo(0.5);
    assertThat(g.groups().get("b").get("tpr")).isEqualTo(1.0);
    assertThat(g.groups().get("b").get("fpr")).isEqualTo(0.0);
    assertThat(g.groups().get("b").get("ppv")).isEqualTo(1.0);
    MetricSet f = g.fairness();
    assertThat(f.get("demographic_parity_difference")).isEqualTo(0.0); // 0.5 - 0.5
    assertThat(f.get("demographic_parity_ratio")).isEqualTo(1.0);
    assertThat(f.get("equal_opportunity_difference")).isEqualTo(0.5); // 1 - 0.5
    assertThat(f.get("equalized_odds_difference")).isEqualTo(0.5);    // max(0.5, 0.5 - 0)
    assertThat(f.get("equalized_odds_ratio")).isEqualTo(0.0);         // min(0.5, 0 / 0.5)
    assertThat(g.privileged()).isEqualTo("a"); // a tie on selection rate goes to the first name
    assertThat(f.get("disparate_impact")).isEqualTo(1.0);
  }

  @Test
  void disparateImpactPoolsTheUnprivilegedGroupsAgainstTheConfiguredOne() {
    String csv = """
        y,yhat,g
        1,1,p
        0,1,p
        0,1,p
        1,0,p
        1,1,u
        0,0,u
        0,0,v
        1,1,v
        0,0,v
        0,0,v
        """;
    Evaluation e = evaluate(csv, mapping("y", "yhat", null, List.of("g[p]"), List.of()), ANY_GROUP);
    Evaluation.AttributeResult g = e.groups().get("g");
    // p selects 3 of 4 (0.75); u and v together select 2 of 6 (1/3): DI = (1/3) / 0.75 = 4/9
    assertThat(g.privileged()).isEqualTo("p");
    assertThat(g.privilegedChosenBy()).isEqualTo("configured");
    assertThat(g.fairness().get("disparate_impact")).isCloseTo(4.0 / 9, within(1e-15));
    assertThat(g.groups().get("u").get("disparate_impact")).isCloseTo(0.5 / 0.75, within(1e-15));
    // selection rates 0.75, 0.5, 0.25
    assertThat(g.fairness().get("demographic_parity_difference")).isEqualTo(0.5);
    assertThat(g.fairness().get("demographic_parity_ratio")).isEqualTo(0.25 / 0.75);
    assertThat(e.overall().reason("roc_auc")).isEqualTo("the mapping names no score column");
  }

  @Test
  void reportsUndefinedMetricsWithTheirReasonInsteadOfDividingByZero() {
    String csv = """
        y,yhat,g
        0,0,a
        0,1,a
        1,1,b
        0,0,b
        """;
    Evaluation e = evaluate(csv, mapping("y", "yhat", null, List.of("g"), List.of()), ANY_GROUP);
    MetricSet a = e.groups().get("g").groups().get("a");
    assertThat(a.get("tpr")).isNull();
    assertThat(a.reason("tpr")).isEqualTo("no actual positives (tp + fn = 0)");
    assertThat(a.get("fpr")).isEqualTo(0.5);
    MetricSet f = e.groups().get("g").fairness();
    assertThat(f.get("equalized_odds_difference")).isNull();
    assertThat(f.reason("equalized_odds_difference")).startsWith("tpr of group a is undefined");
    assertThat(f.get("demographic_parity_difference")).isEqualTo(0.0);
  }

  @Test
  void leavesSmallGroupsOutOfFairnessAndSaysSo() {
    String csv = """
        y,yhat,g
        1,1,a
        0,0,a
        1,1,b
        0,1,b
        1,0,c
        """;
    Evaluation e = evaluate(csv, mapping("y", "yhat", null, List.of("g"), List.of()),
        EvaluationOptions.DEFAULTS.withMinGroupSize(2));
    Evaluation.AttributeResult g = e.groups().get("g");
    assertThat(g.compared()).containsExactly("a", "b");
    assertThat(g.excluded()).containsOnlyKeys("c");
    assertThat(g.excluded().get("c")).contains("fewer than the minimum group size 2");
    assertThat(g.groups()).containsKey("c"); // still reported
    assertThat(g.fairness().get("demographic_parity_difference")).isEqualTo(0.5); // 1.0 - 0.5
  }

  @Test
  void countsMissingAndInvalidValuesAndMalformedRecords() {
    String csv = """
        y,yhat,p,g
        1,1,0.9,a
        ,1,0.5,a
        maybe,0,0.1,b
        0,NA,0.2,
        1,1,abc,b
        1,1
        0,0,0.3,b
        """;
    Evaluation e = evaluate(csv, mapping("y", "yhat", "p", List.of("g"), List.of()), ANY_GROUP);
    assertThat(e.records()).isEqualTo(7);
    assertThat(e.malformed()).isEqualTo(1);
    assertThat(e.malformedExamples()).containsExactly("record 6: 2 fields where the header has 4");
    assertThat(e.labelled()).isEqualTo(4); // records 1, 4, 5, 7
    Evaluation.ColumnReport y = e.columns().get(0);
    assertThat(y.missing()).isEqualTo(1);
    assertThat(y.invalid()).isEqualTo(1);
    assertThat(y.invalidExamples()).containsExactly(3L);
    assertThat(e.columns().get(1).missing()).isEqualTo(1);
    assertThat(e.columns().get(2).invalid()).isEqualTo(1);
    assertThat(e.columns().get(3).missing()).isEqualTo(1);
    MetricSet m = e.overall();
    assertThat(m.get("rows")).isEqualTo(4.0);
    assertThat(m.get("predicted_rows")).isEqualTo(3.0); // record 4 has no prediction
    assertThat(m.get("scored_rows")).isEqualTo(3.0);    // record 5 has no valid score
    assertThat(e.groups().get("g").missing()).isEqualTo(1);
  }

  @Test
  void predictsFromTheScoreWhenNoPredictionColumnIsMapped() {
    String csv = """
        y,p
        1,0.5
        0,0.49
        1,0.2
        0,0.7
        """;
    MetricSet m = evaluate(csv, mapping("y", null, "p", List.of(), List.of()), ANY_GROUP).overall();
    // score >= 0.5 is positive: tp 1 (0.5), fp 1 (0.7), fn 1 (0.2), tn 1 (0.49)
    assertThat(m.get("tp")).isEqualTo(1.0);
    assertThat(m.get("fp")).isEqualTo(1.0);
    assertThat(m.get("fn")).isEqualTo(1.0);
    assertThat(m.get("tn")).isEqualTo(1.0);
  }

  @Test
  void readsPositiveValuesFromTheBracketSyntax() {
    String csv = """
        two_year_recid,score_text,decile_score
        1,High,9
        0,Medium,5
        1,Low,2
        0,Low,1
        """;
    MetricSet m = evaluate(csv, mapping("two_year_recid", "score_text[Medium,High]", "decile_score", List.of(),
        List.of()), ANY_GROUP).overall();
    assertThat(m.get("tp")).isEqualTo(1.0);
    assertThat(m.get("fp")).isEqualTo(1.0);
    assertThat(m.get("fn")).isEqualTo(1.0);
    assertThat(m.get("tn")).isEqualTo(1.0);
    // positives 9, 2 against negatives 5, 1: 9 beats both, 2 beats 1: 3 of 4
    assertThat(m.get("roc_auc")).isEqualTo(0.75);
    assertThat(m.reason("log_loss")).isEqualTo("3 scores lie outside [0, 1], so scores are not probabilities");
  }

  @Test
  void clipsProbabilitiesForLogLoss() {
    String csv = "y,p\n1,0\n0,1\n";
    MetricSet m = evaluate(csv, mapping("y", null, "p", List.of(), List.of()), ANY_GROUP).overall();
    // p = 0 is clipped to eps, p = 1 to 1 - eps (in doubles, 1 - (1 - eps) is not exactly eps)
    double eps = 1e-15;
    assertThat(m.get("log_loss")).isEqualTo((-Math.log(eps) - Math.log(1 - (1 - eps))) / 2);
  }

  @Test
  void refusesAMappedColumnTheHeaderLacks() {
    assertThatThrownBy(() -> evaluate("a,b\n1,0\n", mapping("y", "b", null, List.of(), List.of()), ANY_GROUP))
        .isInstanceOf(EvaluationFailure.class)
        .hasMessage("column 'y' is not in the CSV header; the header has 2 columns: a, b");
  }

  @Test
  void readsJsonLinesLikeCsv() throws IOException {
    String jsonl = """
        {"y": 1, "yhat": 1, "p": 0.9, "g": "a"}
        {"y": 1, "yhat": 0, "p": 0.4, "g": "a"}
        {"y": 0, "yhat": 1, "p": 0.6, "g": "a", "extra": {"x": 1}}
        {"y": 0, "yhat": 0, "p": 0.2, "g": "a"}
        {"y": 1, "yhat": 1, "p": 0.8, "g": "b"}
        {"y": 0, "yhat": 0, "p": 0.1, "g": "b"}
        {"y": 0, "yhat": 0, "p": 0.3, "g": "b"}
        {"y": true, "yhat": true, "p": 0.7, "g": "b"}
        """;
    Mapping m = mapping("y", "yhat", "p", List.of("g"), List.of());
    Evaluator ev = new Evaluator(m, ANY_GROUP);
    JsonLinesReader.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), ev);
    Evaluation j = ev.finish();
    Evaluation c = evaluate(EIGHT_ROWS, m, ANY_GROUP);
    assertThat(j.overall().values()).isEqualTo(c.overall().values());
    assertThat(j.groups().get("g").fairness().values()).isEqualTo(c.groups().get("g").fairness().values());
  }

  /** Delivers one byte per read, so that every record crosses a buffer boundary. */
  static InputStream trickle(byte[] data) {
    return new InputStream() {
      int i;

      @Override
      public int read() {
        return i < data.length ? data[i++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (i >= data.length) {
          return -1;
        }
        b[off] = data[i++];
        return 1;
      }
    };
  }

  @Test
  void profilesTheScoreOfEveryRowWithOneAndReservesItsName() {
    // the score of unlabelled rows counts too (production scores have no label); missing ones do not
    String csv = EIGHT_ROWS + ",0,0.5,a\n1,1,,b\n";
    Evaluation e = evaluate(csv, mapping("y", "yhat", "p", List.of("g"), List.of()), ANY_GROUP);
    assertThat(e.profile()).hasSize(1);
    Histogram score = e.profile().get(0);
    assertThat(score.feature()).isEqualTo("score");
    assertThat(score.kind()).isEqualTo("numeric");
    // nine scores on [0.1, 0.9]: edges as for any numeric feature (0.1 + i * 0.08, snapped down)
    assertThat(score.binEdges()).hasSize(11).startsWith(0.1).endsWith(0.9);
    assertThat(score.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(9);

    // a feature column called "score" would clash with the score's histogram: it is left out, with a warning
    String named = "y,yhat,p,score\n1,1,0.9,7\n0,0,0.2,3\n";
    Evaluation clash = evaluate(named, mapping("y", "yhat", "p", List.of(), List.of("score")), ANY_GROUP);
    assertThat(clash.profile()).singleElement().satisfies(h -> {
      assertThat(h.feature()).isEqualTo("score");
      assertThat(h.binEdges()).startsWith(0.2).endsWith(0.9); // the score's range, not the feature's (3 to 7)
    });
    assertThat(clash.warnings()).anyMatch(w -> w.contains("feature score has no reference histogram"));

    // without a score column there is no score histogram
    assertThat(evaluate(EIGHT_ROWS, mapping("y", "yhat", null, List.of("g"), List.of("p")), ANY_GROUP).profile())
        .extracting(Histogram::feature).containsExactly("p");
  }
}
