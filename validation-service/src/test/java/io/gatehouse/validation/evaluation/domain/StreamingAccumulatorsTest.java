package io.gatehouse.validation.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded-memory accumulators against exact computations on random data. */
class StreamingAccumulatorsTest {

  @Test
  void binnedAucStaysWithinItsReportedBoundOfTheExactValue() {
    Random r = new Random(7);
    int n = 20_000;
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    RocAuc binned = new RocAuc(100, 1 << 10);
    RocAuc exact = new RocAuc(n, 2);
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < 0.3;
      s[i] = Math.min(1, Math.max(0, (y[i] ? 0.6 : 0.4) + r.nextGaussian() * 0.2));
      binned.add(s[i], y[i]);
      exact.add(s[i], y[i]);
    }
    MetricSet b = new MetricSet();
    binned.writeTo(b);
    MetricSet e = new MetricSet();
    exact.writeTo(e);
    // the exact one by brute force over all pairs
    long twice = 0;
    long pairs = 0;
    for (int i = 0; i < n; i++) {
      if (!y[i]) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        if (y[j]) {
          continue;
        }
        pairs++;
        twice += s[i] > s[j] ? 2 : s[i] == s[j] ? 1 : 0;
      }
    }
    double brute = twice / (2.0 * pairs);
    assertThat(e.get("roc_auc")).isEqualTo(brute);
    assertThat(e.get("roc_auc_error_bound")).isEqualTo(0.0);
    assertThat(b.get("roc_auc_bins")).isEqualTo(1024.0);
    double bound = b.get("roc_auc_error_bound");
    assertThat(bound).isGreaterThan(0).isLessThan(1e-3);
    assertThat(Math.abs(b.get("roc_auc") - brute)).isLessThanOrEqualTo(bound);
  }

  @Test
  void aucIsUndefinedWhenTooManyDistinctScoresLieOutsideTheUnitInterval() {
    RocAuc auc = new RocAuc(10, 16);
    for (int i = 0; i < 20; i++) {
      auc.add(i * 1.5, i % 2 == 0);
    }
    MetricSet m = new MetricSet();
    auc.writeTo(m);
    assertThat(m.get("roc_auc")).isNull();
    assertThat(m.reason("roc_auc")).startsWith("more than 10 distinct scores, some outside [0, 1]");
  }

  @Test
  void fastDoublesMatchesParseDoubleBitForBit() {
    Random r = new Random(11);
    List<String> samples = new ArrayList<>(List.of("0", "-0", "1", "0.1", "0.3", "123456789012345", "1234567890123456789",
        "12345678901234567890123", "0.000001", "1e22", "1e23", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014E-308",
        "-12.5e-3", ".5", "5.", "+7", "0.1234567890123456789"));
    for (int i = 0; i < 100_000; i++) {
      double v = switch (i % 4) {
        case 0 -> r.nextDouble();
        case 1 -> r.nextGaussian() * 1e6;
        case 2 -> Math.round(r.nextDouble() * 1e6) / 1e6;
        default -> Double.longBitsToDouble(r.nextLong());
      };
      if (Double.isFinite(v)) {
        samples.add(Double.toString(v));
        samples.add(String.format(java.util.Locale.ROOT, "%.6f", v));
      }
    }
    for (String t : samples) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      assertThat(Double.doubleToRawLongBits(FastDoubles.parse(b, 0, b.length)))
          .as(t).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(t)));
    }
    for (String t : List.of("", "-", ".", "e5", "1e", "abc", "1.2.3", "0x10", "1d", "NaN", "Infinity", " 1")) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      assertThat(FastDoubles.parse(b, 0, b.length)).as(t).isNaN();
    }
  }

  @Test
  void numericProfileIsExactAndIndependentOfRowOrder() {
    Random r = new Random(3);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      values.add(r.nextGaussian() * 100 + 20);
    }
    Histogram a = profile(values);
    Collections.shuffle(values, new Random(5));
    Histogram b = profile(values);
    assertThat(b).isEqualTo(a);
    assertThat(a.kind()).isEqualTo("numeric");
    assertThat(a.binEdges()).hasSize(a.counts().size() + 1).isSorted();
    assertThat(a.counts().size()).isBetween(8, 10);
    assertThat(a.binEdges().get(0)).isEqualTo(Collections.min(values));
    assertThat(a.binEdges().get(a.binEdges().size() - 1)).isEqualTo(Collections.max(values));
    // each count is exactly the number of values in [edge_i, edge_i+1), the last bin closed
    for (int i = 0; i < a.counts().size(); i++) {
      double lo = a.binEdges().get(i);
      double hi = a.binEdges().get(i + 1);
      boolean last = i == a.counts().size() - 1;
      long expected = values.stream().filter(v -> v >= lo && (last ? v <= hi : v < hi)).count();
      assertThat(a.counts().get(i)).as("bin " + i).isEqualTo(expected);
    }
  }

  @Test
  void categoricalProfileCountsEachValue() {
    FeatureProfile p = new FeatureProfile("colour", 10, 1 << 14);
    for (String v : List.of("red", "blue", "red", "green", "red")) {
      byte[] b = v.getBytes(StandardCharsets.UTF_8);
      p.add(b, 0, b.length, FastDoubles.parse(b, 0, b.length), false);
    }
    Histogram h = p.histogram(10, new ArrayList<>());
    assertThat(h.kind()).isEqualTo("categorical");
    assertThat(h.categories()).containsExactly("blue", "green", "red");
    assertThat(h.counts()).containsExactly(1L, 1L, 3L);
  }

  private static Histogram profile(List<Double> values) {
    FeatureProfile p = new FeatureProfile("x", 100, 256); // a small grid cap forces coarsening
    for (double v : values) {
      byte[] b = Double.toString(v).getBytes(StandardCharsets.US_ASCII);
      p.add(b, 0, b.length, v, true);
    }
    return p.histogram(10, new ArrayList<>());
  }
}
