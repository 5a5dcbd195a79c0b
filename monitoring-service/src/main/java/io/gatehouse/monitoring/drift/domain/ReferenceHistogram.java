package io.gatehouse.monitoring.drift.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference distribution of one feature, and how production values fall into its bins.
 *
 * <p>Numeric: {@code k} counts over {@code k + 1} non-decreasing edges; bin {@code i} is
 * {@code [e_i, e_{i+1})}, the last one closed (validation-service's convention). Values below the
 * first edge count in the first bin and values above the last edge in the last bin: the outer bins
 * reach to minus and plus infinity, because the reference's edges are its sample's minimum and
 * maximum and a fresh sample of the same distribution has values just beyond them. A shift out of
 * the range still shows, as mass piling into an outer bin.
 *
 * <p>Categorical: one count per category, plus one more bin, "other", for every value the reference
 * never saw (reference count 0).
 */
public final class ReferenceHistogram {

  /** Most bins (or categories) a histogram may have. */
  public static final int MAX_BINS = 1000;

  private final String feature;
  private final FeatureKind kind;
  private final double[] edges;
  private final List<String> categories;
  private final long[] counts;
  private final Map<String, Integer> categoryIndex;

  private ReferenceHistogram(String feature, FeatureKind kind, double[] edges, List<String> categories, long[] counts) {
    this.feature = feature;
    this.kind = kind;
    this.edges = edges;
    this.categories = categories;
    this.counts = counts;
    this.categoryIndex = new HashMap<>();
    for (int i = 0; i < categories.size(); i++) {
      categoryIndex.put(categories.get(i), i);
    }
  }

  public static ReferenceHistogram numeric(String feature, List<Double> edges, List<Long> counts) {
    checkName(feature);
    if (counts == null || counts.isEmpty() || counts.size() > MAX_BINS) {
      throw new InvalidReference(feature + ": a numeric histogram needs 1 to " + MAX_BINS + " counts");
    }
    if (edges == null || edges.size() != counts.size() + 1) {
      throw new InvalidReference(feature + ": a numeric histogram needs one more bin edge than counts ("
          + counts.size() + " counts, " + (edges == null ? 0 : edges.size()) + " edges)");
    }
    double[] e = new double[edges.size()];
    for (int i = 0; i < e.length; i++) {
      Double v = edges.get(i);
      if (v == null || !Double.isFinite(v)) {
        throw new InvalidReference(feature + ": bin edge " + i + " is not a finite number");
      }
      if (i > 0 && v < e[i - 1]) {
        throw new InvalidReference(feature + ": bin edges must not decrease (edge " + i + ")");
      }
      e[i] = v;
    }
    return new ReferenceHistogram(feature, FeatureKind.NUMERIC, e, List.of(), counts(feature, counts));
  }

  public static ReferenceHistogram categorical(String feature, List<String> categories, List<Long> counts) {
    checkName(feature);
    if (categories == null || categories.isEmpty() || categories.size() > MAX_BINS) {
      throw new InvalidReference(feature + ": a categorical histogram needs 1 to " + MAX_BINS + " categories");
    }
    if (counts == null || counts.size() != categories.size()) {
      throw new InvalidReference(feature + ": a categorical histogram needs one count per category");
    }
    if (categories.stream().anyMatch(c -> c == null) || new java.util.HashSet<>(categories).size() != categories.size()) {
      throw new InvalidReference(feature + ": categories must be distinct and not null");
    }
    return new ReferenceHistogram(feature, FeatureKind.CATEGORICAL, new double[0], List.copyOf(categories),
        counts(feature, counts));
  }

  public static ReferenceHistogram of(String feature, String kind, List<Double> edges, List<String> categories,
      List<Long> counts) {
    return switch (FeatureKind.fromWire(kind)) {
      case NUMERIC -> {
        if (categories != null && !categories.isEmpty()) {
          throw new InvalidReference(feature + ": a numeric histogram has no categories");
        }
        yield numeric(feature, edges, counts);
      }
      case CATEGORICAL -> {
        if (edges != null && !edges.isEmpty()) {
          throw new InvalidReference(feature + ": a categorical histogram has no bin edges");
        }
        yield categorical(feature, categories, counts);
      }
    };
  }

  private static void checkName(String feature) {
    if (feature == null || feature.isBlank() || feature.length() > 200) {
      throw new InvalidReference("a feature needs a name of 1 to 200 characters");
    }
  }

  private static long[] counts(String feature, List<Long> counts) {
    long[] c = new long[counts.size()];
    long total = 0;
    for (int i = 0; i < c.length; i++) {
      Long v = counts.get(i);
      if (v == null || v < 0) {
        throw new InvalidReference(feature + ": count " + i + " must be a non-negative whole number");
      }
      c[i] = v;
      total += v;
    }
    if (total == 0) {
      throw new InvalidReference(feature + ": the reference histogram is empty (all counts 0)");
    }
    return c;
  }

  public String feature() {
    return feature;
  }

  public FeatureKind kind() {
    return kind;
  }

  /** Bins a window is counted in: the reference's bins, plus "other" for a categorical feature. */
  public int bins() {
    return kind == FeatureKind.NUMERIC ? counts.length : counts.length + 1;
  }

  /** The reference counts on {@link #bins()} bins ("other" is 0). */
  public long[] referenceCounts() {
    return kind == FeatureKind.NUMERIC ? counts.clone() : Arrays.copyOf(counts, counts.length + 1);
  }

  public List<Double> edges() {
    return Arrays.stream(edges).boxed().toList();
  }

  public List<String> categories() {
    return categories;
  }

  public List<Long> counts() {
    return Arrays.stream(counts).boxed().toList();
  }

  /** The bin of a numeric value; -1 for NaN (counted as missing). */
  public int binOf(double value) {
    if (Double.isNaN(value)) {
      return -1;
    }
    int last = counts.length - 1;
    int i = Arrays.binarySearch(edges, value);
    int bin;
    if (i >= 0) {
      // on an edge: the bin that starts there (the last edge closes the last bin); with equal edges
      // binarySearch may land on any of them, so move to the last equal one
      while (i + 1 < edges.length && edges[i + 1] == value) {
        i++;
      }
      bin = i;
    } else {
      bin = -i - 2; // the insertion point minus one: the bin whose lower edge is below the value
    }
    return Math.max(0, Math.min(last, bin));
  }

  /** The bin of a category; the "other" bin for one the reference never saw. */
  public int binOf(String category) {
    Integer i = categoryIndex.get(category);
    return i == null ? counts.length : i;
  }

  /** The statistics this kind of feature is judged by. */
  public List<Statistic> statistics() {
    return kind == FeatureKind.NUMERIC ? List.of(Statistic.PSI, Statistic.KS) : List.of(Statistic.JS);
  }

  /** The statistic's value of a window's counts (on {@link #bins()} bins) against this reference. */
  public double statistic(Statistic statistic, long[] window) {
    long[] ref = referenceCounts();
    return switch (statistic) {
      case PSI -> DriftStatistics.psi(ref, window);
      case KS -> DriftStatistics.ks(ref, window);
      case JS -> DriftStatistics.jensenShannonDistance(ref, window);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReferenceHistogram h && feature.equals(h.feature) && kind == h.kind
        && Arrays.equals(edges, h.edges) && categories.equals(h.categories) && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(feature, kind.name(), Arrays.hashCode(edges), categories, Arrays.hashCode(counts));
  }
}
