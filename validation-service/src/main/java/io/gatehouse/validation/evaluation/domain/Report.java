package io.gatehouse.validation.evaluation.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report as a JSON tree (maps, lists, strings, numbers), written canonically by
 * {@link CanonicalJson}. It holds what was computed and how, and nothing about when or by whom: the
 * same data, mapping, options, policy and card give the same tree, hence the same bytes and digest.
 * The gate expressions read its {@code metrics}, {@code groups} and {@code fairness} members.
 */
public final class Report {

  public static final String FORMAT = "gatehouse-validation-report/1";

  /** What was read: the format, the digest it was declared with and the one computed while reading. */
  public record Data(String format, String declaredSha256, String sha256, long bytes) {}

  private Report() {}

  /** The report of a completed evaluation. */
  public static Map<String, Object> of(Evaluation e, Data data, Mapping mapping, EvaluationOptions options) {
    Map<String, Object> r = base(data, mapping, options);
    Map<String, Object> d = dataMember(data);
    d.put("records", e.records());
    d.put("rows", e.labelled());
    d.put("malformed_records", e.malformed());
    d.put("malformed_examples", e.malformedExamples());
    Map<String, Object> columns = new TreeMap<>();
    for (Evaluation.ColumnReport c : e.columns()) {
      Map<String, Object> q = new TreeMap<>();
      q.put("missing", c.missing());
      q.put("invalid", c.invalid());
      q.put("invalid_examples", c.invalidExamples());
      columns.put(c.column(), q);
    }
    d.put("columns", columns);
    r.put("data", d);
    Map<String, String> undefined = new TreeMap<>();
    r.put("metrics", values(e.overall(), "metrics", undefined));
    Map<String, Object> groups = new TreeMap<>();
    Map<String, Object> fairness = new TreeMap<>();
    Map<String, Double> worst = new TreeMap<>();
    Map<String, String> worstUndefined = new TreeMap<>();
    for (Map.Entry<String, Evaluation.AttributeResult> a : e.groups().entrySet()) {
      String attr = a.getKey();
      Evaluation.AttributeResult ar = a.getValue();
      Map<String, Object> gs = new TreeMap<>();
      ar.groups().forEach((g, m) -> gs.put(g, values(m, "groups." + attr + "." + g, undefined)));
      groups.put(attr, gs);
      Map<String, Object> f = values(ar.fairness(), "fairness." + attr, undefined);
      if (ar.privileged() != null) { // CEL reads these maps: no nulls in them
        f.put("privileged_group", ar.privileged());
        f.put("privileged_chosen_by", ar.privilegedChosenBy());
      }
      f.put("compared_groups", ar.compared());
      f.put("excluded_groups", new TreeMap<>(ar.excluded()));
      f.put("missing", ar.missing());
      fairness.put(attr, f);
      for (Map.Entry<String, Double> v : ar.fairness().values().entrySet()) {
        String k = v.getKey();
        if (k.startsWith("groups")) {
          continue;
        }
        boolean lowerIsWorse = k.endsWith("_ratio") || k.equals("disparate_impact");
        worst.merge(k, v.getValue(), lowerIsWorse ? Math::min : Math::max);
      }
      ar.fairness().undefined().forEach((k, why) -> worstUndefined.putIfAbsent(k, attr + ": " + why));
    }
    worstUndefined.keySet().forEach(worst::remove);
    worst.forEach(fairness::put);
    worstUndefined.forEach((k, why) -> undefined.put("fairness." + k, why));
    if (e.groups().isEmpty()) {
      for (String k : List.of("demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference",
          "equalized_odds_ratio", "equal_opportunity_difference", "equal_opportunity_ratio", "disparate_impact")) {
        undefined.put("fairness." + k, "the mapping names no group column");
      }
    }
    r.put("groups", groups);
    r.put("fairness", fairness);
    r.put("undefined", undefined);
    List<Object> profile = new ArrayList<>();
    for (Histogram h : e.profile()) {
      Map<String, Object> p = new TreeMap<>();
      p.put("feature", h.feature());
      p.put("kind", h.kind());
      p.put("bin_edges", h.binEdges());
      p.put("categories", h.categories());
      p.put("counts", h.counts());
      profile.add(p);
    }
    r.put("profile", profile);
    r.put("warnings", e.warnings());
    r.put("failure", null);
    return r;
  }

  /** The report of data that could not be evaluated (not fetched, digest mismatch, malformed): no metrics. */
  public static Map<String, Object> failed(Data data, Mapping mapping, EvaluationOptions options, String code,
      String message) {
    Map<String, Object> r = base(data, mapping, options);
    r.put("data", dataMember(data));
    r.put("metrics", new TreeMap<>());
    r.put("groups", new TreeMap<>());
    r.put("fairness", new TreeMap<>());
    r.put("undefined", new TreeMap<>());
    r.put("profile", List.of());
    r.put("warnings", List.of());
    Map<String, Object> f = new TreeMap<>();
    f.put("code", code);
    f.put("message", message);
    r.put("failure", f);
    return r;
  }

  private static Map<String, Object> base(Data data, Mapping mapping, EvaluationOptions o) {
    Map<String, Object> r = new TreeMap<>();
    r.put("format", FORMAT);
    if (mapping == null) {
      r.put("mapping", null);
    } else {
      Map<String, Object> m = new TreeMap<>();
      m.put("label", Mapping.spec(mapping.label()));
      m.put("prediction", Mapping.spec(mapping.prediction()));
      m.put("score", mapping.score());
      m.put("groups", mapping.groups().stream()
          .map(g -> g.privileged() == null ? g.name() : g.name() + "[" + g.privileged() + "]").toList());
      m.put("features", mapping.features());
      m.put("threshold", mapping.threshold());
      r.put("mapping", m);
    }
    Map<String, Object> opts = new TreeMap<>();
    opts.put("min_group_size", o.minGroupSize());
    opts.put("max_groups_per_attribute", o.maxGroupsPerAttribute());
    opts.put("max_categories", o.maxCategories());
    opts.put("exact_auc_distinct", o.exactAucDistinct());
    opts.put("auc_bins", o.aucBins());
    opts.put("group_auc_bins", o.groupAucBins());
    opts.put("ece_bins", o.eceBins());
    opts.put("log_loss_epsilon", o.logLossEpsilon());
    opts.put("profile_bins", o.profileBins());
    opts.put("fine_grid_cap", o.fineGridCap());
    r.put("options", opts);
    return r;
  }

  private static Map<String, Object> dataMember(Data data) {
    Map<String, Object> d = new TreeMap<>();
    d.put("format", data.format());
    d.put("declared_sha256", data.declaredSha256());
    d.put("sha256", data.sha256());
    d.put("bytes", data.bytes());
    return d;
  }

  private static Map<String, Object> values(MetricSet m, String prefix, Map<String, String> undefined) {
    Map<String, Object> v = new TreeMap<>(m.values());
    m.undefined().forEach((k, why) -> undefined.put(prefix + "." + k, why));
    return v;
  }

  /** The report's reference profile, as published in {@code ValidationCompleted}. */
  @SuppressWarnings("unchecked")
  public static List<Histogram> profile(Map<String, Object> report) {
    List<Histogram> out = new ArrayList<>();
    for (Object o : (List<Object>) report.get("profile")) {
      Map<String, Object> p = (Map<String, Object>) o;
      out.add(new Histogram((String) p.get("feature"), (String) p.get("kind"), (List<Double>) p.get("bin_edges"),
          (List<String>) p.get("categories"), (List<Long>) p.get("counts")));
    }
    return out;
  }

  /** Rows evaluated (records with a valid label), 0 when nothing was evaluated. */
  @SuppressWarnings("unchecked")
  public static long rows(Map<String, Object> report) {
    Object rows = ((Map<String, Object>) report.get("data")).get("rows");
    return rows == null ? 0 : ((Number) rows).longValue();
  }

  /** A copy of {@code report} with more members (the gates and their inputs). */
  public static Map<String, Object> with(Map<String, Object> report, Map<String, Object> more) {
    Map<String, Object> r = new LinkedHashMap<>(report);
    r.putAll(more);
    return r;
  }
}
