package io.gatehouse.validation.evaluation.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference distribution of one feature in one pass with bounded memory.
 *
 * <p>Numeric values are counted on a fine grid defined by the leading bits of each double's
 * order-preserving 64-bit key (sign, exponent and the first 12 mantissa bits: bins about 0.02 %
 * wide relative to the value). When more than {@code fineGridCap} fine bins are in use, the grid
 * drops one more bit (neighbouring bins merge). The grid depends only on the set of values, not
 * their order. At the end, {@code profileBins} near-equal-width bins span [min, max]; each inner edge
 * is the ideal equal-width edge moved down to the fine-grid boundary below it, so every fine bin
 * falls in exactly one final bin and the counts are exact. Same data, same edges, same counts.
 *
 * <p>A value that is not a number makes the feature categorical: counts per distinct value, at most
 * {@code maxCategories} of them.
 */
final class FeatureProfile {

  private static final long EMPTY = Long.MIN_VALUE; // the key of no finite double
  private static final int INITIAL_SHIFT = 40;      // 64 - (1 sign + 11 exponent + 12 mantissa bits)

  final String name;
  /** How warnings name it: {@code feature age}, or {@code the score (column decile_score)}. */
  private final String described;
  private final int cap;
  private final ByteDictionary categories;
  private long[] categoryCounts = new long[8];
  private boolean tooManyCategories;
  long missing;
  long numeric;
  long nonNumeric;
  long nonFinite;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private int shift = INITIAL_SHIFT;
  private long[] keys;
  private long[] counts;
  private int used;

  FeatureProfile(String name, int maxCategories, int fineGridCap) {
    this(name, "feature " + name, maxCategories, fineGridCap);
  }

  FeatureProfile(String name, String described, int maxCategories, int fineGridCap) {
    this.name = name;
    this.described = described;
    this.cap = fineGridCap;
    this.categories = new ByteDictionary(maxCategories);
    keys = new long[64];
    Arrays.fill(keys, EMPTY);
    counts = new long[64];
  }

  /** A field's raw bytes, and its value if it parsed as a number (else NaN with {@code parsed} false). */
  void add(byte[] buf, int from, int to, double value, boolean parsed) {
    if (!tooManyCategories) {
      int id = categories.id(buf, from, to);
      if (id == ByteDictionary.FULL) {
        tooManyCategories = true;
      } else {
        if (id == categoryCounts.length) {
          categoryCounts = Arrays.copyOf(categoryCounts, id * 2);
        }
        categoryCounts[id]++;
      }
    }
    if (!parsed) {
      nonNumeric++;
      return;
    }
    addNumber(value);
  }

  /**
   * A value known to be a number (the score): counted on the numeric grid only, never as a category,
   * so its histogram is always numeric.
   */
  void addNumber(double value) {
    if (!Double.isFinite(value)) {
      nonFinite++;
      return;
    }
    numeric++;
    if (value == 0.0) {
      value = 0.0;
    }
    if (value < min) {
      min = value;
    }
    if (value > max) {
      max = value;
    }
    insert(key(value) >> shift, 1);
  }

  static long key(double v) {
    long bits = Double.doubleToRawLongBits(v);
    return bits ^ ((bits >> 63) & 0x7fffffffffffffffL);
  }

  static double value(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & 0x7fffffffffffffffL));
  }

  private void insert(long prefix, long n) {
    int mask = keys.length - 1;
    int i = mix(prefix) & mask;
    while (true) {
      long k = keys[i];
      if (k == prefix) {
        counts[i] += n;
        return;
      }
      if (k == EMPTY) {
        keys[i] = prefix;
        counts[i] = n;
        used++;
        if (used > cap) {
          coarsen();
        } else if (used * 2 > keys.length) {
          rehash(0);
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void coarsen() {
    while (used > cap) {
      shift++;
      rehash(1);
    }
  }

  private void rehash(int dropBits) {
    long[] ok = keys;
    long[] oc = counts;
    int size = keys.length;
    if (dropBits == 0) {
      size *= 2;
    }
    keys = new long[size];
    Arrays.fill(keys, EMPTY);
    counts = new long[size];
    used = 0;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != EMPTY) {
        long p = ok[j] >> dropBits;
        int mask = keys.length - 1;
        int i = mix(p) & mask;
        while (keys[i] != EMPTY && keys[i] != p) {
          i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
          keys[i] = p;
          used++;
        }
        counts[i] += oc[j];
      }
    }
  }

  /** The feature's histogram, or null with a warning when it has none. */
  Histogram histogram(int bins, List<String> warnings) {
    if (numeric + nonNumeric + nonFinite == 0) {
      warnings.add(described + " has no values (" + missing + " missing): no reference histogram");
      return null;
    }
    if (nonNumeric == 0 && numeric > 0) {
      if (nonFinite > 0) {
        warnings.add(described + ": " + nonFinite + " infinite values are left out of its histogram");
      }
      return numericHistogram(bins);
    }
    if (tooManyCategories) {
      warnings.add(described + " has non-numeric values and more than " + categories.size()
          + " distinct values: no reference histogram");
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      names.add(categories.name(i));
    }
    Integer[] order = new Integer[names.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
    List<String> cats = new ArrayList<>();
    List<Long> cs = new ArrayList<>();
    for (Integer i : order) {
      cats.add(names.get(i));
      cs.add(categoryCounts[i]);
    }
    return new Histogram(name, "categorical", List.of(), cats, cs);
  }

  private Histogram numericHistogram(int bins) {
    List<Double> edges = new ArrayList<>();
    edges.add(min);
    if (max > min) {
      double width = (max - min) / bins;
      for (int i = 1; i < bins; i++) {
        double ideal = min + i * width;
        double snapped = value((key(ideal) >> shift) << shift);
        if (snapped > edges.get(edges.size() - 1) && snapped < max) {
          edges.add(snapped);
        }
      }
    }
    edges.add(max);
    int n = edges.size() - 1;
    long[] c = new long[n];
    for (int j = 0; j < keys.length; j++) {
      if (keys[j] != EMPTY) {
        double lower = value(keys[j] << shift);
        // the final bin whose lower edge is the last inner edge <= lower
        int b = 0;
        while (b + 1 < n && edges.get(b + 1) <= lower) {
          b++;
        }
        c[b] += counts[j];
      }
    }
    List<Long> cs = new ArrayList<>();
    for (long x : c) {
      cs.add(x);
    }
    return new Histogram(name, "numeric", List.copyOf(edges), List.of(), cs);
  }
}
