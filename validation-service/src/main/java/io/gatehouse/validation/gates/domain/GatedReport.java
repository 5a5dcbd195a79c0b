package io.gatehouse.validation.gates.domain;

import io.gatehouse.validation.evaluation.domain.CanonicalJson;
import io.gatehouse.validation.evaluation.domain.DataEvaluation;
import io.gatehouse.validation.evaluation.domain.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The final report: the evaluation's report plus the policy version and tier, the card and declared
 * figures the gates read, and each gate's result; as canonical bytes with their sha256. When the data
 * could not be evaluated, every gate fails with that reason and reads nothing.
 */
public record GatedReport(Map<String, Object> report, List<GateResult> gates, byte[] bytes, String sha256) {

  /**
   * @param policy null for a standalone evaluation without gates
   * @param card null when there is no card (a standalone evaluation)
   * @param declared null when there are no declared figures
   */
  public static GatedReport of(DataEvaluation.Outcome outcome, PolicyGates policy, String tier,
      Map<String, Object> card, Map<String, Object> declared) {
    List<Gate> gates = policy == null ? List.of() : policy.forTier(tier);
    List<GateResult> results = outcome.failed()
        ? GateEvaluator.failAll(gates, outcome.failureMessage())
        : GateEvaluator.evaluate(gates, outcome.report(), card == null ? Map.of() : card,
            declared == null ? Map.of() : declared);
    Map<String, Object> more = new TreeMap<>();
    if (policy == null) {
      more.put("policy", null);
    } else {
      Map<String, Object> p = new TreeMap<>();
      p.put("name", policy.name());
      p.put("version", policy.version());
      p.put("tier", tier);
      more.put("policy", p);
    }
    more.put("card", card);
    more.put("declared", declared);
    List<Object> gs = new ArrayList<>();
    for (GateResult r : results) {
      Map<String, Object> g = new TreeMap<>();
      g.put("id", r.id());
      g.put("expression", r.expression());
      g.put("passed", r.passed());
      g.put("reason", r.reason());
      List<Object> observed = new ArrayList<>();
      for (GateResult.Observed o : r.observed()) {
        Map<String, Object> ov = new TreeMap<>();
        ov.put("name", o.name());
        ov.put("value", o.value());
        observed.add(ov);
      }
      g.put("observed", observed);
      gs.add(g);
    }
    more.put("gates", gs);
    Map<String, Object> report = Report.with(outcome.report(), more);
    byte[] bytes = CanonicalJson.write(report);
    return new GatedReport(report, results, bytes, CanonicalJson.sha256(bytes));
  }
}
