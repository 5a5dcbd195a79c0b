package io.gatehouse.validation.evaluation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fairness across the groups of one attribute, as Fairlearn defines it (the {@code between_groups}
 * method: largest minus smallest group value, or smallest over largest), and AIF360's disparate
 * impact. Only groups with at least {@code minGroupSize} rows with a prediction are compared; the
 * others are listed with the reason. Formulas: docs/metrics.md.
 */
final class Fairness {

  private Fairness() {}

  static Evaluation.AttributeResult evaluate(Mapping.Group attribute, List<String> names, List<ScopeStats> stats,
      boolean tooMany, EvaluationOptions options, boolean withScore, long missing) {
    Map<String, MetricSet> groups = new TreeMap<>();
    Map<String, ScopeStats> byName = new TreeMap<>();
    for (int i = 0; i < names.size(); i++) {
      groups.put(names.get(i), stats.get(i).metrics(withScore));
      byName.put(names.get(i), stats.get(i));
    }
    MetricSet f = new MetricSet();
    Map<String, String> excluded = new TreeMap<>();
    List<String> compared = new ArrayList<>();
    String[] all = {"demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference",
        "equalized_odds_ratio", "equal_opportunity_difference", "equal_opportunity_ratio", "disparate_impact"};
    if (tooMany) {
      String why = "more than " + options.maxGroupsPerAttribute() + " distinct values of " + attribute.name()
          + ": groups are not compared";
      for (String m : all) {
        f.undefined(m, why);
      }
      return new Evaluation.AttributeResult(Map.of(), f, null, null, List.of(), Map.of(), missing);
    }
    for (Map.Entry<String, ScopeStats> e : byName.entrySet()) {
      long n = e.getValue().confusionRows();
      if (n < options.minGroupSize()) {
        excluded.put(e.getKey(), n + " rows with a prediction, fewer than the minimum group size "
            + options.minGroupSize());
      } else {
        compared.add(e.getKey());
      }
    }
    f.count("groups", names.size()).count("groups_compared", compared.size());
    if (compared.size() < 2) {
      String why = compared.size() + " group(s) with at least " + options.minGroupSize()
          + " rows: fairness compares two or more";
      for (String m : all) {
        f.undefined(m, why);
      }
      return new Evaluation.AttributeResult(groups, f, null, null, compared, excluded, missing);
    }
    Range sel = range(compared, groups, "selection_rate");
    Range tpr = range(compared, groups, "tpr");
    Range fpr = range(compared, groups, "fpr");
    sel.difference(f, "demographic_parity_difference");
    sel.ratio(f, "demographic_parity_ratio");
    tpr.difference(f, "equal_opportunity_difference");
    tpr.ratio(f, "equal_opportunity_ratio");
    if (tpr.undefined != null || fpr.undefined != null) {
      String why = tpr.undefined != null ? tpr.undefined : fpr.undefined;
      f.undefined("equalized_odds_difference", why).undefined("equalized_odds_ratio", why);
    } else {
      f.put("equalized_odds_difference", Math.max(tpr.max - tpr.min, fpr.max - fpr.min));
      if (tpr.max == 0 || fpr.max == 0) {
        f.undefined("equalized_odds_ratio", (tpr.max == 0 ? "every compared group has TPR 0" : "every compared group has FPR 0")
            + ": the ratio divides by zero");
      } else {
        f.put("equalized_odds_ratio", Math.min(tpr.min / tpr.max, fpr.min / fpr.max));
      }
    }
    // disparate impact: the privileged group is configured, or the one with the highest selection rate
    String privileged = attribute.privileged();
    String chosenBy = "configured";
    if (privileged == null) {
      chosenBy = "highest-selection-rate";
      double best = -1;
      for (String g : compared) { // compared is in name order: ties go to the first name
        double s = groups.get(g).get("selection_rate");
        if (s > best) {
          best = s;
          privileged = g;
        }
      }
    }
    if (!compared.contains(privileged)) {
      String why = byName.containsKey(privileged)
          ? "the privileged group " + privileged + " is not compared: " + excluded.get(privileged)
          : "the privileged group " + privileged + " does not occur in " + attribute.name();
      f.undefined("disparate_impact", why);
    } else {
      ScopeStats p = byName.get(privileged);
      long unprivSelected = 0;
      long unprivRows = 0;
      for (String g : compared) {
        if (!g.equals(privileged)) {
          unprivSelected += byName.get(g).tp + byName.get(g).fp;
          unprivRows += byName.get(g).confusionRows();
        }
      }
      double privRate = p.selectionRate();
      if (privRate == 0) {
        f.undefined("disparate_impact", "the privileged group " + privileged + " has selection rate 0");
      } else {
        f.put("disparate_impact", ((double) unprivSelected / unprivRows) / privRate);
        for (String g : compared) {
          groups.get(g).put("disparate_impact", groups.get(g).get("selection_rate") / privRate);
        }
      }
    }
    return new Evaluation.AttributeResult(groups, f, privileged, chosenBy, compared, excluded, missing);
  }

  private static Range range(List<String> compared, Map<String, MetricSet> groups, String metric) {
    Range r = new Range();
    for (String g : compared) {
      Double v = groups.get(g).get(metric);
      if (v == null) {
        r.undefined = metric + " of group " + g + " is undefined: " + groups.get(g).reason(metric);
        return r;
      }
      r.min = Math.min(r.min, v);
      r.max = Math.max(r.max, v);
    }
    return r;
  }

  private static final class Range {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    String undefined;

    void difference(MetricSet f, String name) {
      if (undefined != null) {
        f.undefined(name, undefined);
      } else {
        f.put(name, max - min);
      }
    }

    void ratio(MetricSet f, String name) {
      if (undefined != null) {
        f.undefined(name, undefined);
      } else if (max == 0) {
        f.undefined(name, "every compared group has value 0: the ratio divides by zero");
      } else {
        f.put(name, min / max);
      }
    }
  }
}
