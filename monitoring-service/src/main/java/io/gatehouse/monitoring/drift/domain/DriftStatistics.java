package io.gatehouse.monitoring.drift.domain;

/**
 * The drift statistics over two histograms on the same bins: {@code reference} (the validation
 * data, or an uploaded profile) and {@code window} (production telemetry of one window). Both arrays
 * hold counts per bin, in bin order; they must have the same length. Proportions are counts divided
 * by the array's total.
 *
 * <ul>
 *   <li><b>PSI</b> = Σ (q − p) · ln(q / p), p the reference proportion of a bin, q the window's. A bin
 *       with no count on one side would make the term infinite; its proportion is taken as
 *       {@link #PSI_EPSILON} (1e-4) instead, on that side only, without renormalising. A bin empty on
 *       both sides adds 0.
 *   <li><b>KS</b> = max over the inner bin edges of |P(x < e) − Q(x < e)|: the two-sample
 *       Kolmogorov-Smirnov statistic of the two empirical distributions evaluated at the bin edges.
 *       It is exact at the edges; the statistic over raw values, D*, lies in [D, D + max bin
 *       proportion of either side], so its resolution is the largest bin's share (about 0.1 with ten
 *       equal-mass bins, less with more bins).
 *   <li><b>JS</b> = sqrt(½ KL(p ‖ m) + ½ KL(q ‖ m)), m = (p + q) / 2, logarithms base 2: the
 *       Jensen-Shannon distance, between 0 (same distribution) and 1 (disjoint). Empty bins add 0
 *       (0 · log 0 = 0); no epsilon is needed.
 * </ul>
 */
public final class DriftStatistics {

  /** The proportion an empty bin counts as in PSI. */
  public static final double PSI_EPSILON = 1e-4;

  private DriftStatistics() {}

  public static double psi(long[] reference, long[] window) {
    check(reference, window);
    double rt = total(reference);
    double wt = total(window);
    double psi = 0;
    for (int i = 0; i < reference.length; i++) {
      if (reference[i] == 0 && window[i] == 0) {
        continue;
      }
      double p = reference[i] == 0 ? PSI_EPSILON : reference[i] / rt;
      double q = window[i] == 0 ? PSI_EPSILON : window[i] / wt;
      psi += (q - p) * Math.log(q / p);
    }
    return psi;
  }

  public static double ks(long[] reference, long[] window) {
    check(reference, window);
    double rt = total(reference);
    double wt = total(window);
    long rc = 0;
    long wc = 0;
    double d = 0;
    // the cumulative share below each inner edge; after the last bin both are 1
    for (int i = 0; i < reference.length - 1; i++) {
      rc += reference[i];
      wc += window[i];
      d = Math.max(d, Math.abs(rc / rt - wc / wt));
    }
    return d;
  }

  public static double jensenShannonDistance(long[] reference, long[] window) {
    check(reference, window);
    double rt = total(reference);
    double wt = total(window);
    double divergence = 0;
    for (int i = 0; i < reference.length; i++) {
      double p = reference[i] / rt;
      double q = window[i] / wt;
      double m = (p + q) / 2;
      if (p > 0) {
        divergence += 0.5 * p * log2(p / m);
      }
      if (q > 0) {
        divergence += 0.5 * q * log2(q / m);
      }
    }
    // rounding can leave a tiny negative number for identical distributions
    return Math.sqrt(Math.max(0, divergence));
  }

  /** The largest proportion of any bin on either side: the resolution of the binned KS statistic. */
  public static double ksResolution(long[] reference, long[] window) {
    check(reference, window);
    double rt = total(reference);
    double wt = total(window);
    double max = 0;
    for (int i = 0; i < reference.length; i++) {
      max = Math.max(max, Math.max(reference[i] / rt, window[i] / wt));
    }
    return max;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static void check(long[] reference, long[] window) {
    if (reference.length != window.length || reference.length == 0) {
      throw new IllegalArgumentException("histograms need the same, non-zero number of bins: "
          + reference.length + " and " + window.length);
    }
    if (total(reference) <= 0 || total(window) <= 0) {
      throw new IllegalArgumentException("both histograms need at least one count");
    }
  }

  private static double total(long[] counts) {
    long t = 0;
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("negative count " + c);
      }
      t += c;
    }
    return t;
  }
}
