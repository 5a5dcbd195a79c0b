package io.gatehouse.monitoring.drift.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic samples and reference histograms built the way validation-service builds them. */
public final class Synthetic {

  private Synthetic() {}

  public static double[] normal(SplittableRandom random, int n, double mean, double sd) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = mean + sd * gaussian(random);
    }
    return x;
  }

  /** A standard normal draw (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
  public static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** {@code bins} equal-width bins spanning the sample's [min, max], last bin closed. */
  public static ReferenceHistogram equalWidth(String feature, double[] sample, int bins) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : sample) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    List<Double> edges = new ArrayList<>();
    for (int i = 0; i <= bins; i++) {
      edges.add(i == bins ? max : min + i * (max - min) / bins);
    }
    long[] counts = new long[bins];
    for (double v : sample) {
      int b = (int) Math.min(bins - 1, Math.floor((v - min) / (max - min) * bins));
      counts[b]++;
    }
    List<Long> c = new ArrayList<>();
    for (long v : counts) {
      c.add(v);
    }
    return ReferenceHistogram.numeric(feature, edges, c);
  }

  /** Draws categories with the given probabilities. */
  public static String[] categorical(SplittableRandom random, int n, List<String> categories, double[] probabilities) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      int k = 0;
      double acc = probabilities[0];
      while (u >= acc && k < probabilities.length - 1) {
        acc += probabilities[++k];
      }
      out[i] = categories.get(k);
    }
    return out;
  }

  public static ReferenceHistogram counted(String feature, List<String> categories, String[] sample) {
    List<Long> counts = new ArrayList<>();
    for (String c : categories) {
      long n = 0;
      for (String s : sample) {
        if (s.equals(c)) {
          n++;
        }
      }
      counts.add(n);
    }
    return ReferenceHistogram.categorical(feature, categories, counts);
  }

  public static long[] window(ReferenceHistogram reference, double[] values) {
    long[] w = new long[reference.bins()];
    for (double v : values) {
      w[reference.binOf(v)]++;
    }
    return w;
  }

  public static long[] window(ReferenceHistogram reference, String[] values) {
    long[] w = new long[reference.bins()];
    for (String v : values) {
      w[reference.binOf(v)]++;
    }
    return w;
  }
}
