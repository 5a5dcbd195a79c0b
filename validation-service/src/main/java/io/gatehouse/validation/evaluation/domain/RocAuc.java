package io.gatehouse.validation.evaluation.domain;

import java.util.Arrays;

/**
 * ROC AUC in one pass with bounded memory (ADR 0007). While a scope has at most
 * {@code exactDistinct} distinct scores it counts positives and negatives per distinct score, and
 * the AUC is exact (the Mann-Whitney statistic with ties counted one half). Past that, if every
 * score seen lies in [0, 1], it moves to a fixed histogram of {@code bins} equal-width bins on
 * [0, 1]: pairs in different bins are ordered exactly, pairs in one bin count one half, so the
 * error is at most {@code 0.5 * sum_b pos_b * neg_b / (P * N)}, which is computed and reported
 * ({@code roc_auc_error_bound}). Scores outside [0, 1] with more distinct values than that leave the
 * AUC undefined, with the reason.
 */
final class RocAuc {

  private static final long EMPTY = 0x7ff8dead_beefcafeL; // a NaN payload no parsed score has

  private final int exactDistinct;
  private final int bins;
  // exact phase: open addressing from score bits to counts
  private long[] keys;
  private long[] pos;
  private long[] neg;
  private int distinct;
  private boolean allInUnit = true;
  // binned phase: negatives at 2b, positives at 2b + 1 (one cache line per row)
  private long[] binCounts;
  private boolean overflowOutsideUnit;

  RocAuc(int exactDistinct, int bins) {
    this.exactDistinct = exactDistinct;
    this.bins = bins;
    int cap = 16;
    keys = new long[cap];
    Arrays.fill(keys, EMPTY);
    pos = new long[cap];
    neg = new long[cap];
  }

  void add(double score, boolean positive) {
    if (overflowOutsideUnit) {
      return;
    }
    if (binCounts != null) {
      if (score < 0 || score > 1) {
        overflowOutsideUnit = true;
        binCounts = null;
        return;
      }
      binCounts[2 * bin(score) + (positive ? 1 : 0)]++;
      return;
    }
    if (score == 0.0) {
      score = 0.0; // -0.0 and 0.0 are one score
    }
    long k = Double.doubleToRawLongBits(score);
    int mask = keys.length - 1;
    int i = mix(k) & mask;
    while (true) {
      long at = keys[i];
      if (at == k) {
        break;
      }
      if (at == EMPTY) {
        if (distinct + 1 > exactDistinct) {
          spill();
          add(score, positive);
          return;
        }
        keys[i] = k;
        distinct++;
        if (score < 0 || score > 1) {
          allInUnit = false;
        }
        if (distinct * 2 > keys.length) {
          grow();
          add(score, positive);
          return;
        }
        break;
      }
      i = (i + 1) & mask;
    }
    if (positive) {
      pos[i]++;
    } else {
      neg[i]++;
    }
  }

  private int bin(double score) {
    int b = (int) (score * bins);
    return b >= bins ? bins - 1 : b;
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void grow() {
    long[] ok = keys;
    long[] op = pos;
    long[] on = neg;
    keys = new long[ok.length * 2];
    Arrays.fill(keys, EMPTY);
    pos = new long[keys.length];
    neg = new long[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != EMPTY) {
        int i = mix(ok[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        pos[i] = op[j];
        neg[i] = on[j];
      }
    }
  }

  private void spill() {
    if (!allInUnit) {
      overflowOutsideUnit = true;
    } else {
      binCounts = new long[2 * bins];
      for (int j = 0; j < keys.length; j++) {
        if (keys[j] != EMPTY) {
          int b = bin(Double.longBitsToDouble(keys[j]));
          binCounts[2 * b + 1] += pos[j];
          binCounts[2 * b] += neg[j];
        }
      }
    }
    keys = null;
    pos = null;
    neg = null;
  }

  /** Writes {@code roc_auc} (and its method and error bound) into {@code m}. */
  void writeTo(MetricSet m) {
    if (overflowOutsideUnit) {
      m.undefined("roc_auc", "more than " + exactDistinct + " distinct scores, some outside [0, 1]: the AUC is "
          + "computed exactly for at most " + exactDistinct + " distinct scores, or binned for scores in [0, 1]");
      return;
    }
    long[] ps;
    long[] ns;
    if (binCounts != null) {
      ps = new long[bins];
      ns = new long[bins];
      for (int b = 0; b < bins; b++) {
        ns[b] = binCounts[2 * b];
        ps[b] = binCounts[2 * b + 1];
      }
    } else {
      Integer[] order = new Integer[distinct];
      int o = 0;
      for (int j = 0; j < keys.length; j++) {
        if (keys[j] != EMPTY) {
          order[o++] = j;
        }
      }
      Arrays.sort(order, (a, b) -> Double.compare(Double.longBitsToDouble(keys[a]), Double.longBitsToDouble(keys[b])));
      ps = new long[distinct];
      ns = new long[distinct];
      for (int j = 0; j < distinct; j++) {
        ps[j] = pos[order[j]];
        ns[j] = neg[order[j]];
      }
    }
    long p = 0;
    long n = 0;
    for (int j = 0; j < ps.length; j++) {
      p += ps[j];
      n += ns[j];
    }
    if (p == 0 || n == 0) {
      m.undefined("roc_auc", p == 0 ? "no actual positives with a score" : "no actual negatives with a score");
      return;
    }
    // sum over positives of (negatives strictly below + half the negatives tied): exact in integers,
    // as twice the count to keep the half
    java.math.BigInteger twice = java.math.BigInteger.ZERO;
    java.math.BigInteger tied = java.math.BigInteger.ZERO;
    long negBelow = 0;
    for (int j = 0; j < ps.length; j++) {
      if (ps[j] != 0) {
        twice = twice.add(java.math.BigInteger.valueOf(ps[j]).multiply(
            java.math.BigInteger.valueOf(2 * negBelow + ns[j])));
        tied = tied.add(java.math.BigInteger.valueOf(ps[j]).multiply(java.math.BigInteger.valueOf(ns[j])));
      }
      negBelow += ns[j];
    }
    java.math.BigDecimal pairs = new java.math.BigDecimal(java.math.BigInteger.valueOf(p).multiply(java.math.BigInteger.valueOf(n)));
    java.math.MathContext mc = java.math.MathContext.DECIMAL128;
    double auc = new java.math.BigDecimal(twice).divide(pairs.multiply(java.math.BigDecimal.valueOf(2)), mc).doubleValue();
    m.put("roc_auc", auc);
    if (binCounts != null) {
      m.put("roc_auc_error_bound", new java.math.BigDecimal(tied).divide(pairs.multiply(java.math.BigDecimal.valueOf(2)), mc).doubleValue());
      m.put("roc_auc_bins", bins);
    } else {
      m.put("roc_auc_error_bound", 0.0);
      m.put("roc_auc_bins", 0);
    }
  }
}
