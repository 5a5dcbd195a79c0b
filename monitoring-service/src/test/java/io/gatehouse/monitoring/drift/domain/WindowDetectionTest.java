package io.gatehouse.monitoring.drift.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.monitoring.telemetry.domain.Observation;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The decision path of a window without Kafka: observations counted by {@link WindowCounter} (as the
 * engine counts them), evaluated by {@link WindowFigures}, judged by the default levels. Over 200
 * seeds, each with its own reference (10,000 rows, numeric {@code income} in 10 equal-width bins and
 * categorical {@code channel}) and windows of 1,000 fresh observations: an unshifted window must
 * (almost) never reach warn on any statistic, a window with income shifted by half a standard
 * deviation must reach warn, and one with the channel mix changed must reach act.
 */
class WindowDetectionTest {

  private static final int SEEDS = 200;
  private static final int WINDOW = 1_000;
  private static final double FALSE_ALARM_BOUND = 0.01;
  private static final List<String> CHANNELS = List.of("web", "branch", "phone", "partner");
  private static final double[] MIX = {0.6, 0.2, 0.15, 0.05};
  private static final double[] MOVED = {0.3, 0.2, 0.15, 0.35};

  @Test
  void freshSamplesStayQuietAndShiftsAreCaughtOverManySeeds() {
    int falseAlarms = 0;
    int incomeCaught = 0;
    int channelCaught = 0;
    double worst = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom random = new SplittableRandom(42_000 + seed);
      ReferenceProfile profile = new ReferenceProfile(List.of(
          Synthetic.equalWidth("income", Synthetic.normal(random, 10_000, 50_000, 12_000), 10),
          Synthetic.counted("channel", CHANNELS, Synthetic.categorical(random, 10_000, CHANNELS, MIX))));
      WindowCounter counter = new WindowCounter(new WindowLayout(profile), "1");

      WindowFigures same = window(counter, random, 50_000, MIX);
      Severity s = worst(same);
      worst = Math.max(worst, same.features().stream().mapToDouble(FeatureFigure::value).max().orElse(0));
      if (s.atLeast(Severity.WARN)) {
        falseAlarms++;
      }
      if (severity(window(counter, random, 56_000, MIX), "income").atLeast(Severity.WARN)) {
        incomeCaught++;
      }
      if (severity(window(counter, random, 50_000, MOVED), "channel") == Severity.ACT) {
        channelCaught++;
      }
    }
    double rate = (double) falseAlarms / SEEDS;
    System.out.printf("windows of %d observations, %d seeds: false-alarm rate %.4f (%d; bound %.2f, largest unshifted "
        + "statistic %.4f); income +0.5 sd caught %d/%d; channel mix caught at act %d/%d%n", WINDOW, SEEDS, rate,
        falseAlarms, FALSE_ALARM_BOUND, worst, incomeCaught, SEEDS, channelCaught, SEEDS);
    assertThat(rate).isLessThanOrEqualTo(FALSE_ALARM_BOUND);
    assertThat(incomeCaught).isEqualTo(SEEDS);
    assertThat(channelCaught).isEqualTo(SEEDS);
  }

  private static WindowFigures window(WindowCounter counter, SplittableRandom random, double mean, double[] mix) {
    byte[] state = counter.layout().open(0, Long.MAX_VALUE);
    double[] income = Synthetic.normal(random, WINDOW, mean, 12_000);
    String[] channel = Synthetic.categorical(random, WINDOW, CHANNELS, mix);
    for (int i = 0; i < WINDOW; i++) {
      counter.add(state, new Observation("m", 1, null, i, new String[] {"income", "channel"},
          new Object[] {income[i], channel[i]}, null, Double.NaN, null));
    }
    return WindowFigures.evaluate(counter.layout(), state, WINDOW, 100);
  }

  private static Severity worst(WindowFigures f) {
    Severity s = Severity.NONE;
    for (FeatureFigure ff : f.features()) {
      Severity x = DriftThresholds.FALLBACK.severity(ff.statistic(), ff.value());
      s = x.atLeast(s) ? x : s;
    }
    return s;
  }

  private static Severity severity(WindowFigures f, String feature) {
    Severity s = Severity.NONE;
    for (FeatureFigure ff : f.features()) {
      if (ff.feature().equals(feature)) {
        Severity x = DriftThresholds.FALLBACK.severity(ff.statistic(), ff.value());
        s = x.atLeast(s) ? x : s;
      }
    }
    return s;
  }
}
