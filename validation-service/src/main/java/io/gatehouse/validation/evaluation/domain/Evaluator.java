package io.gatehouse.validation.evaluation.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates predictions one record at a time, in one pass, in memory that does not grow with the
 * number of records: accumulators per scope (every row, and each group of each group attribute),
 * per feature, and per column for data quality. {@link #finish()} turns them into an
 * {@link Evaluation}. Not thread-safe: one reader feeds it.
 *
 * <p>Slots: 0 label, then prediction and score if mapped, then the groups, then the features
 * ({@link Mapping#columns()} order).
 */
public final class Evaluator implements RowSink {

  /**
   * The name of the score's histogram in the reference profile: monitoring compares the score of each
   * production observation with it (monitoring-service's {@code ReferenceProfile.SCORE}).
   */
  public static final String SCORE_HISTOGRAM = "score";
  static final int MISSING = -1;
  static final int INVALID = -2;
  private static final int EXAMPLES = 5;

  private final Mapping mapping;
  private final EvaluationOptions options;
  private final int predSlot;
  private final int scoreSlot;
  private final int groupSlot;
  private final int featureSlot;
  private final byte[][] labelPositives;
  private final byte[][] predPositives;
  private final ScopeStats overall;
  private final Attribute[] attributes;
  private final FeatureProfile[] features;
  /** The score's distribution (every row with a finite score, labelled or not); null without a score. */
  private final FeatureProfile scoreProfile;
  private final ColumnQuality[] quality;
  private final double eps;
  private long records;
  private long malformed;
  private final List<String> malformedExamples = new ArrayList<>();
  private final int[] groupIds;

  public Evaluator(Mapping mapping, EvaluationOptions options) {
    this.mapping = mapping;
    this.options = options;
    int slot = 1;
    predSlot = mapping.prediction() != null ? slot++ : -1;
    scoreSlot = mapping.score() != null ? slot++ : -1;
    groupSlot = slot;
    featureSlot = groupSlot + mapping.groups().size();
    labelPositives = bytes(mapping.label().positives());
    predPositives = mapping.prediction() == null ? null : bytes(mapping.prediction().positives());
    boolean withScore = scoreSlot >= 0;
    overall = new ScopeStats(options.eceBins(), options.exactAucDistinct(), options.aucBins(), withScore);
    attributes = new Attribute[mapping.groups().size()];
    for (int g = 0; g < attributes.length; g++) {
      attributes[g] = new Attribute(mapping.groups().get(g), options, withScore);
    }
    features = new FeatureProfile[mapping.features().size()];
    for (int f = 0; f < features.length; f++) {
      features[f] = new FeatureProfile(mapping.features().get(f), options.maxCategories(), options.fineGridCap());
    }
    scoreProfile = withScore ? new FeatureProfile(SCORE_HISTOGRAM, "the score (column " + mapping.score() + ")",
        options.maxCategories(), options.fineGridCap()) : null;
    List<String> columns = mapping.columns();
    quality = new ColumnQuality[columns.size()];
    for (int i = 0; i < quality.length; i++) {
      quality[i] = new ColumnQuality(columns.get(i));
    }
    groupIds = new int[attributes.length];
    eps = options.logLossEpsilon();
  }

  private static byte[][] bytes(Set<String> values) {
    return values.stream().sorted().map(v -> v.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
  }

  public Mapping mapping() {
    return mapping;
  }

  @Override
  public List<String> columns() {
    return mapping.columns();
  }

  /** The score and the features are read as numbers; label, prediction and groups are not. */
  @Override
  public boolean numeric(int slot) {
    return slot == scoreSlot || slot >= featureSlot;
  }

  /** A record the reader could not split into the header's fields; it is counted, not evaluated. */
  @Override
  public void malformed(long record, String why) {
    records++;
    malformed++;
    if (malformedExamples.size() < EXAMPLES) {
      malformedExamples.add("record " + record + ": " + why);
    }
  }

  /** One record ({@code record} is its 1-based number, for the report's examples). */
  @Override
  public void row(RowBuffer r, long record) {
    records++;
    byte[] b = r.buf;
    int label = binary(r, 0, labelPositives, record);
    double score = Double.NaN;
    boolean hasScore = false;
    if (scoreSlot >= 0) {
      int s = r.start[scoreSlot];
      int e = r.end[scoreSlot];
      if (s < 0 || missing(b, s, e)) {
        quality[scoreSlot].missing++;
        scoreProfile.missing++;
      } else {
        score = r.parsed ? r.number[scoreSlot] : FastDoubles.parse(b, trimStart(b, s, e), trimEnd(b, s, e));
        if (Double.isFinite(score)) {
          hasScore = true;
          scoreProfile.addNumber(score);
        } else {
          quality[scoreSlot].invalid(record);
        }
      }
    }
    int prediction;
    if (predSlot >= 0) {
      prediction = binary(r, predSlot, predPositives, record);
    } else {
      prediction = hasScore ? (score >= mapping.threshold() ? 1 : 0) : MISSING;
    }
    for (int g = 0; g < attributes.length; g++) {
      int slot = groupSlot + g;
      int s = r.start[slot];
      int e = r.end[slot];
      if (s < 0 || missing(b, s, e)) {
        quality[slot].missing++;
        groupIds[g] = MISSING;
      } else {
        groupIds[g] = attributes[g].id(b, trimStart(b, s, e), trimEnd(b, s, e));
      }
    }
    for (int f = 0; f < features.length; f++) {
      int slot = featureSlot + f;
      int s = r.start[slot];
      int e = r.end[slot];
      if (s < 0 || missing(b, s, e)) {
        quality[slot].missing++;
        features[f].missing++;
      } else {
        int ts = trimStart(b, s, e);
        int te = trimEnd(b, s, e);
        double v = r.parsed ? r.number[slot] : FastDoubles.parse(b, ts, te);
        features[f].add(b, ts, te, v, !Double.isNaN(v));
      }
    }
    if (label < 0) {
      return;
    }
    boolean positive = label == 1;
    overall.label(positive, prediction);
    double logLossTerm = 0;
    double brierTerm = 0;
    int eceBin = -1;
    if (hasScore && score >= 0 && score <= 1) {
      double p = score < eps ? eps : (score > 1 - eps ? 1 - eps : score);
      logLossTerm = positive ? -Math.log(p) : -Math.log(1 - p);
      double d = score - label;
      brierTerm = d * d;
      int bins = options.eceBins();
      eceBin = (int) (score * bins);
      if (eceBin >= bins) {
        eceBin = bins - 1;
      }
    }
    if (hasScore) {
      overall.score(score, positive, logLossTerm, brierTerm, eceBin);
    }
    for (int g = 0; g < attributes.length; g++) {
      int id = groupIds[g];
      if (id >= 0) {
        ScopeStats st = attributes[g].stats.get(id);
        st.label(positive, prediction);
        if (hasScore) {
          st.score(score, positive, logLossTerm, brierTerm, eceBin);
        }
      }
    }
  }

  /** 1 positive, 0 negative, {@link #MISSING} or {@link #INVALID}. */
  private int binary(RowBuffer r, int slot, byte[][] positives, long record) {
    int s = r.start[slot];
    int e = r.end[slot];
    byte[] b = r.buf;
    if (s < 0 || missing(b, s, e)) {
      quality[slot].missing++;
      return MISSING;
    }
    s = trimStart(b, s, e);
    e = trimEnd(b, s, e);
    if (positives.length > 0) {
      for (byte[] p : positives) {
        if (java.util.Arrays.equals(p, 0, p.length, b, s, e)) {
          return 1;
        }
      }
      return 0;
    }
    int v = binaryToken(b, s, e);
    if (v < 0) {
      quality[slot].invalid(record);
      return INVALID;
    }
    return v;
  }

  /** 1/0, 1.0/0.0, true/false, yes/no (case-insensitive); else -1. */
  static int binaryToken(byte[] b, int s, int e) {
    int n = e - s;
    if (n == 1) {
      return b[s] == '1' ? 1 : b[s] == '0' ? 0 : -1;
    }
    if (n == 3 && b[s + 1] == '.' && b[s + 2] == '0') {
      return b[s] == '1' ? 1 : b[s] == '0' ? 0 : -1;
    }
    String t = new String(b, s, n, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "true", "yes" -> 1;
      case "false", "no" -> 0;
      default -> -1;
    };
  }

  /** Empty, or (case-insensitive, after trimming) NA, N/A, NaN, null, None. */
  static boolean missing(byte[] b, int s, int e) {
    s = trimStart(b, s, e);
    e = trimEnd(b, s, e);
    int n = e - s;
    if (n == 0) {
      return true;
    }
    if (n > 4) {
      return false;
    }
    int c = b[s] | 0x20;
    if (c != 'n') {
      return false;
    }
    String t = new String(b, s, n, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
    return t.equals("na") || t.equals("n/a") || t.equals("nan") || t.equals("null") || t.equals("none");
  }

  static int trimStart(byte[] b, int s, int e) {
    while (s < e && (b[s] == ' ' || b[s] == '\t')) {
      s++;
    }
    return s;
  }

  static int trimEnd(byte[] b, int s, int e) {
    while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
      e--;
    }
    return e;
  }

  /**
   * The result: every metric, fairness per attribute, the profile (each feature's histogram, then the
   * score's as {@value #SCORE_HISTOGRAM}) and data quality.
   */
  public Evaluation finish() {
    boolean withScore = scoreSlot >= 0;
    List<String> warnings = new ArrayList<>();
    MetricSet overallMetrics = overall.metrics(withScore);
    Map<String, Evaluation.AttributeResult> groups = new LinkedHashMap<>();
    for (Attribute a : attributes) {
      groups.put(a.group.name(), Fairness.evaluate(a.group, a.names(), a.stats, a.tooMany, options, withScore,
          quality[groupSlot + indexOf(a)].missing));
    }
    List<Histogram> profile = new ArrayList<>();
    for (FeatureProfile f : features) {
      if (scoreProfile != null && f.name.equals(SCORE_HISTOGRAM)) {
        warnings.add("feature " + SCORE_HISTOGRAM + " has no reference histogram: that name is the score's (column "
            + mapping.score() + ") in the reference profile");
        continue;
      }
      Histogram h = f.histogram(options.profileBins(), warnings);
      if (h != null) {
        profile.add(h);
      }
    }
    if (scoreProfile != null) {
      // the score is profiled like a numeric feature (same bins, same rules), after the features
      Histogram h = scoreProfile.histogram(options.profileBins(), warnings);
      if (h != null) {
        profile.add(h);
      }
    }
    List<Evaluation.ColumnReport> columns = new ArrayList<>();
    for (ColumnQuality q : quality) {
      columns.add(new Evaluation.ColumnReport(q.name, q.missing, q.invalid, List.copyOf(q.examples)));
    }
    long labelled = overall.labelled;
    if (labelled == 0) {
      warnings.add("no record has a valid label: nothing to evaluate");
    }
    return new Evaluation(records, labelled, malformed, List.copyOf(malformedExamples), columns, overallMetrics,
        groups, profile, warnings);
  }

  private int indexOf(Attribute a) {
    for (int i = 0; i < attributes.length; i++) {
      if (attributes[i] == a) {
        return i;
      }
    }
    throw new IllegalStateException();
  }

  /** The groups of one attribute, each with its own accumulators. */
  private static final class Attribute {
    final Mapping.Group group;
    final ByteDictionary dictionary;
    final List<ScopeStats> stats = new ArrayList<>();
    final EvaluationOptions options;
    final boolean withScore;
    boolean tooMany;

    Attribute(Mapping.Group group, EvaluationOptions options, boolean withScore) {
      this.group = group;
      this.options = options;
      this.withScore = withScore;
      this.dictionary = new ByteDictionary(options.maxGroupsPerAttribute());
    }

    int id(byte[] b, int s, int e) {
      int id = dictionary.id(b, s, e);
      if (id == ByteDictionary.FULL) {
        tooMany = true;
        return INVALID;
      }
      if (id == stats.size()) {
        stats.add(new ScopeStats(options.eceBins(), options.exactAucDistinct(), options.groupAucBins(), withScore));
      }
      return id;
    }

    List<String> names() {
      List<String> n = new ArrayList<>();
      for (int i = 0; i < dictionary.size(); i++) {
        n.add(dictionary.name(i));
      }
      return n;
    }
  }

  /** Missing and invalid values of one mapped column, with the first few record numbers. */
  private static final class ColumnQuality {
    final String name;
    long missing;
    long invalid;
    final List<Long> examples = new ArrayList<>();

    ColumnQuality(String name) {
      this.name = name;
    }

    void invalid(long record) {
      invalid++;
      if (examples.size() < EXAMPLES) {
        examples.add(record);
      }
    }
  }
}
