package io.gatehouse.validation.evaluation.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which columns hold what, as the evaluator reads them. A column is named as in the data; a
 * bracket suffix adds what a plain name cannot say (documented in docs/metrics.md, "Column mapping"):
 * <ul>
 *   <li>label and prediction: {@code score_text[Medium,High]} are the values that count as positive
 *       (every other non-missing value is negative). Without brackets the column must be binary:
 *       {@code 1/0}, {@code 1.0/0.0}, {@code true/false}, {@code yes/no} (case-insensitive).</li>
 *   <li>group: {@code race[Caucasian]} names the privileged group for disparate impact.</li>
 * </ul>
 *
 * @param prediction null when the model gives only a score: the prediction is then {@code score >= threshold}
 * @param score null when the model gives no score
 */
public record Mapping(Column label, Column prediction, String score, List<Group> groups, List<String> features,
    double threshold) {

  /** A label or prediction column and the values that count as positive (empty: binary). */
  public record Column(String name, Set<String> positives) {}

  /** A group attribute column and, if configured, its privileged group. */
  public record Group(String name, String privileged) {}

  public static final double DEFAULT_THRESHOLD = 0.5;

  public Mapping {
    if (label == null) {
      throw new InvalidMapping("the mapping names no label column");
    }
    if (prediction == null && score == null) {
      throw new InvalidMapping("the mapping names neither a prediction nor a score column");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new InvalidMapping("the threshold must lie in [0, 1], was " + threshold);
    }
    groups = List.copyOf(groups);
    features = List.copyOf(features);
    Set<String> seen = new LinkedHashSet<>();
    for (String c : columns(label, prediction, score, groups, features)) {
      if (!seen.add(c)) {
        throw new InvalidMapping("column '" + c + "' is mapped twice");
      }
    }
  }

  /** Parses the strings of an event's column mapping (bracket syntax above). */
  public static Mapping parse(String label, String prediction, String score, List<String> groups,
      List<String> features, double threshold) {
    Column l = column(label, "label");
    Column p = blank(prediction) ? null : column(prediction, "prediction");
    String s = blank(score) ? null : plain(score.trim(), "score");
    List<Group> gs = new ArrayList<>();
    for (String g : groups == null ? List.<String>of() : groups) {
      Column c = column(g, "group");
      if (c.positives().size() > 1) {
        throw new InvalidMapping("group '" + c.name() + "' names more than one privileged group");
      }
      gs.add(new Group(c.name(), c.positives().isEmpty() ? null : c.positives().iterator().next()));
    }
    List<String> fs = new ArrayList<>();
    for (String f : features == null ? List.<String>of() : features) {
      fs.add(plain(f == null ? "" : f.trim(), "feature"));
    }
    return new Mapping(l, p, s, gs, fs, threshold);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Column column(String spec, String what) {
    if (blank(spec)) {
      throw new InvalidMapping("the " + what + " column has no name");
    }
    String t = spec.trim();
    int open = t.indexOf('[');
    if (open < 0) {
      return new Column(plain(t, what), Set.of());
    }
    if (!t.endsWith("]") || open == 0) {
      throw new InvalidMapping("the " + what + " column '" + spec + "' is not of the form name or name[value,...]");
    }
    Set<String> values = new LinkedHashSet<>();
    for (String v : t.substring(open + 1, t.length() - 1).split(",", -1)) {
      if (v.isBlank()) {
        throw new InvalidMapping("the " + what + " column '" + spec + "' has an empty value in brackets");
      }
      values.add(v.trim());
    }
    return new Column(plain(t.substring(0, open).trim(), what), Set.copyOf(values));
  }

  private static String plain(String name, String what) {
    if (name.isEmpty() || name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
      throw new InvalidMapping("the " + what + " column name '" + name + "' is empty or contains brackets");
    }
    return name;
  }

  /** Every mapped column, in slot order: label, prediction, score, groups, features. */
  public List<String> columns() {
    return columns(label, prediction, score, groups, features);
  }

  private static List<String> columns(Column label, Column prediction, String score, List<Group> groups,
      List<String> features) {
    List<String> c = new ArrayList<>();
    c.add(label.name());
    if (prediction != null) {
      c.add(prediction.name());
    }
    if (score != null) {
      c.add(score);
    }
    groups.forEach(g -> c.add(g.name()));
    c.addAll(features);
    return c;
  }

  /** The mapping written back in the bracket syntax, for the report. */
  public static String spec(Column c) {
    return c == null ? null : c.positives().isEmpty() ? c.name()
        : c.name() + c.positives().stream().sorted().collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }

  /** Refused mapping: names no label, maps a column twice, malformed brackets. */
  public static final class InvalidMapping extends EvaluationFailure {
    public InvalidMapping(String message) {
      super("invalid-mapping", message);
    }
  }
}
