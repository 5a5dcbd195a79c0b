package io.gatehouse.validation.gates.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.validation.evaluation.domain.CsvReader;
import io.gatehouse.validation.evaluation.domain.EvaluationOptions;
import io.gatehouse.validation.evaluation.domain.Evaluator;
import io.gatehouse.validation.evaluation.domain.Mapping;
import io.gatehouse.validation.evaluation.domain.Report;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {

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

  static Map<String, Object> report(String csv, Mapping m) throws Exception {
    Evaluator e = new Evaluator(m, EvaluationOptions.DEFAULTS.withMinGroupSize(1));
    CsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), e);
    return Report.of(e.finish(), new Report.Data("csv", null, "x", csv.length()), m, EvaluationOptions.DEFAULTS);
  }

  static PolicyGates shipped() throws Exception {
    try (var in = GateEvaluatorTest.class.getResourceAsStream("/policies/default.yaml")) {
      return PolicyGates.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void evaluatesTheShippedHighTierGates() throws Exception {
    Map<String, Object> r = report(EIGHT_ROWS, Mapping.parse("y", "yhat", "p", List.of("g"), List.of(), 0.5));
    List<GateResult> results = GateEvaluator.evaluate(shipped().forTier("HIGH"), r,
        Map.of("missing_sections", List.of()), Map.of());
    assertThat(results).extracting(GateResult::id)
        .containsExactly("auc", "calibration", "four-fifths", "equalized-odds", "card-complete");
    assertThat(results).extracting(GateResult::passed).containsExactly(true, false, true, false, true);
    assertThat(results.get(0).observed()).containsExactly(new GateResult.Observed("metrics.roc_auc", 0.9375));
    assertThat(results.get(1).reason()).startsWith("the expression is false with metrics.ece = 0.3");
    assertThat(results.get(2).observed())
        .containsExactly(new GateResult.Observed("fairness.demographic_parity_ratio", 1.0));
    assertThat(results.get(3).reason()).isEqualTo("the expression is false with fairness.equalized_odds_difference = 0.5");
    assertThat(results.get(4).observed()).containsExactly(new GateResult.Observed("size(card.missing_sections)", 0));
  }

  @Test
  void readsGroupsAndAttributesByName() throws Exception {
    Map<String, Object> r = report(EIGHT_ROWS, Mapping.parse("y", "yhat", "p", List.of("g"), List.of(), 0.5));
    List<GateResult> results = GateEvaluator.evaluate(List.of(
        new Gate("tpr-a", "groups.g[\"a\"].tpr >= 0.5 && groups.g.b.fpr <= 0.1"),
        new Gate("dpr", "fairness.g.demographic_parity_ratio >= 0.8"),
        new Gate("rows", "metrics.rows >= 8")), r, Map.of(), Map.of());
    assertThat(results).allMatch(GateResult::passed);
    assertThat(results.get(0).observed()).extracting(GateResult.Observed::name)
        .containsExactly("groups.g.a.tpr", "groups.g.b.fpr");
  }

  @Test
  void anExpressionThatCannotBeEvaluatedFailsWithTheReason() throws Exception {
    Map<String, Object> r = report(EIGHT_ROWS, Mapping.parse("y", "yhat", null, List.of(), List.of(), 0.5));
    List<GateResult> results = GateEvaluator.evaluate(List.of(
        new Gate("auc", "metrics.roc_auc >= 0.8"),
        new Gate("four-fifths", "fairness.demographic_parity_ratio >= 0.80"),
        new Gate("card", "size(card.missing_sections) == 0"),
        new Gate("broken", "metrics.accuracy >="),
        new Gate("not-boolean", "metrics.accuracy")), r, Map.of(), Map.of());
    assertThat(results).noneMatch(GateResult::passed);
    assertThat(results.get(0).reason()).isEqualTo("metrics.roc_auc is undefined: the mapping names no score column");
    assertThat(results.get(1).reason())
        .isEqualTo("fairness.demographic_parity_ratio is undefined: the mapping names no group column");
    assertThat(results.get(2).reason()).startsWith("the expression could not be evaluated").contains("missing_sections");
    assertThat(results.get(3).reason()).startsWith("the expression does not compile");
    assertThat(results.get(4).reason()).isEqualTo("the expression gives 0.75, not true or false");
  }

  @Test
  void shipsTheSamePolicyDocumentAsApprovalService() throws Exception {
    Path approval = Path.of("..", "approval-service", "src", "main", "resources", "policies", "default.yaml");
    Path ours = Path.of("src", "main", "resources", "policies", "default.yaml");
    assertThat(Files.readString(ours)).isEqualTo(Files.readString(approval));
  }

  @Test
  void anAttributeWithOneGroupFailsItsFairnessGateWithTheReason() throws Exception {
    String oneGroup = "y,yhat,g\n1,1,a\n0,0,a\n";
    Map<String, Object> r = report(oneGroup, Mapping.parse("y", "yhat", null, List.of("g"), List.of(), 0.5));
    List<GateResult> results = GateEvaluator.evaluate(List.of(
        new Gate("dpr", "fairness.g.demographic_parity_ratio >= 0.8"),
        new Gate("worst", "fairness.demographic_parity_ratio >= 0.8"),
        new Gate("groups", "fairness.g.groups_compared >= 1")), r, Map.of(), Map.of());
    assertThat(results.get(0).reason())
        .isEqualTo("fairness.g.demographic_parity_ratio is undefined: 1 group(s) with at least 1 rows: fairness compares two or more");
    assertThat(results.get(1).reason()).startsWith("fairness.demographic_parity_ratio is undefined: g: 1 group(s)");
    assertThat(results.get(2).passed()).isTrue();
  }
}
