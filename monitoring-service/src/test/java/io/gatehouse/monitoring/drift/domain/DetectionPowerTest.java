package io.gatehouse.monitoring.drift.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Over 200 seeds: a fresh sample of the reference distribution (same distribution, new draw) must
 * almost never reach the warn level, and a shifted one must. Reference: 10,000 rows in 10
 * equal-width bins as validation-service builds them; window: 2,000 rows; levels of the shipped
 * default policy (PSI 0.10/0.25, KS 0.10/0.20, JS 0.10/0.20).
 */
class DetectionPowerTest {

  private static final int SEEDS = 200;
  private static final int REFERENCE_ROWS = 10_000;
  private static final int WINDOW_ROWS = 2_000;
  /** At most this share of unshifted windows may raise a warning. */
  private static final double FALSE_ALARM_BOUND = 0.01;

  @Test
  void numericShiftIsDetectedAndAFreshSampleIsNot() {
    DriftThresholds levels = DriftThresholds.FALLBACK;
    int falseAlarms = 0;
    int detectedWarn = 0;
    int detectedAct = 0;
    double maxUnshiftedPsi = 0;
    double maxUnshiftedKs = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      ReferenceHistogram ref = Synthetic.equalWidth("x", Synthetic.normal(random, REFERENCE_ROWS, 50, 10), 10);

      long[] same = Synthetic.window(ref, Synthetic.normal(random, WINDOW_ROWS, 50, 10));
      double psi = ref.statistic(Statistic.PSI, same);
      double ks = ref.statistic(Statistic.KS, same);
      maxUnshiftedPsi = Math.max(maxUnshiftedPsi, psi);
      maxUnshiftedKs = Math.max(maxUnshiftedKs, ks);
      if (levels.severity(Statistic.PSI, psi).atLeast(Severity.WARN) || levels.severity(Statistic.KS, ks).atLeast(Severity.WARN)) {
        falseAlarms++;
      }

      // half a standard deviation: a warning at least
      long[] half = Synthetic.window(ref, Synthetic.normal(random, WINDOW_ROWS, 55, 10));
      if (levels.severity(Statistic.PSI, ref.statistic(Statistic.PSI, half)).atLeast(Severity.WARN)
          && levels.severity(Statistic.KS, ref.statistic(Statistic.KS, half)).atLeast(Severity.WARN)) {
        detectedWarn++;
      }
      // one standard deviation: the act level
      long[] one = Synthetic.window(ref, Synthetic.normal(random, WINDOW_ROWS, 60, 10));
      if (levels.severity(Statistic.PSI, ref.statistic(Statistic.PSI, one)) == Severity.ACT
          && levels.severity(Statistic.KS, ref.statistic(Statistic.KS, one)) == Severity.ACT) {
        detectedAct++;
      }
    }
    double falseAlarmRate = (double) falseAlarms / SEEDS;
    System.out.printf("numeric, %d seeds: false alarms %d (rate %.4f, bound %.2f; max PSI %.4f, max KS %.4f); "
            + "0.5 sd shift warned %d/%d; 1 sd shift act %d/%d%n", SEEDS, falseAlarms, falseAlarmRate,
        FALSE_ALARM_BOUND, maxUnshiftedPsi, maxUnshiftedKs, detectedWarn, SEEDS, detectedAct, SEEDS);
    assertThat(falseAlarmRate).isLessThanOrEqualTo(FALSE_ALARM_BOUND);
    assertThat(detectedWarn).isEqualTo(SEEDS);
    assertThat(detectedAct).isEqualTo(SEEDS);
  }

  @Test
  void categoricalShiftIsDetectedAndAFreshSampleIsNot() {
    List<String> cats = List.of("salaried", "self-employed", "retired", "student", "unemployed");
    double[] base = {0.55, 0.20, 0.12, 0.08, 0.05};
    double[] moved = {0.25, 0.20, 0.12, 0.08, 0.35};
    int falseAlarms = 0;
    int detected = 0;
    double maxUnshifted = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom random = new SplittableRandom(1_000 + seed);
      ReferenceHistogram ref = Synthetic.counted("employment", cats, Synthetic.categorical(random, REFERENCE_ROWS, cats, base));
      double same = ref.statistic(Statistic.JS, Synthetic.window(ref, Synthetic.categorical(random, WINDOW_ROWS, cats, base)));
      maxUnshifted = Math.max(maxUnshifted, same);
      if (DriftThresholds.FALLBACK.severity(Statistic.JS, same).atLeast(Severity.WARN)) {
        falseAlarms++;
      }
      double shifted = ref.statistic(Statistic.JS, Synthetic.window(ref, Synthetic.categorical(random, WINDOW_ROWS, cats, moved)));
      if (DriftThresholds.FALLBACK.severity(Statistic.JS, shifted) == Severity.ACT) {
        detected++;
      }
    }
    System.out.printf("categorical, %d seeds: false alarms %d (rate %.4f; max JS %.4f); shift act %d/%d%n",
        SEEDS, falseAlarms, (double) falseAlarms / SEEDS, maxUnshifted, detected, SEEDS);
    assertThat((double) falseAlarms / SEEDS).isLessThanOrEqualTo(FALSE_ALARM_BOUND);
    assertThat(detected).isEqualTo(SEEDS);
  }
}
