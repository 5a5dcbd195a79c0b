package io.gatehouse.monitoring.drift.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each value worked out by hand (the working is in the comments). */
class DriftStatisticsTest {

  private static final double TOL = 1e-12;

  @Test
  void psiOfAModerateShiftIsTheSumOfItsFourTerms() {
    // p = .1 .2 .3 .4, q = .2 .2 .3 .3
    // (.2-.1) ln(.2/.1) + 0 + 0 + (.3-.4) ln(.3/.4) = .1 ln 2 + .1 ln(4/3)
    double expected = 0.1 * Math.log(2) + 0.1 * Math.log(4.0 / 3.0); // 0.0980829253...
    assertThat(DriftStatistics.psi(new long[] {10, 20, 30, 40}, new long[] {20, 20, 30, 30}))
        .isCloseTo(expected, within(TOL)).isCloseTo(0.0980829253, within(1e-10));
  }

  @Test
  void psiOfIdenticalProportionsIsZeroWhateverTheSampleSizes() {
    assertThat(DriftStatistics.psi(new long[] {1, 2, 3}, new long[] {100, 200, 300})).isCloseTo(0, within(TOL));
  }

  @Test
  void psiTakesAnEmptyBinAsEpsilonOnThatSideOnly() {
    // p = (0 -> 1e-4), .5, .5 ; q = .1, .4, .5
    // (.1 - 1e-4) ln(.1 / 1e-4) + (.4 - .5) ln(.4 / .5) + 0 = .0999 ln 1000 + .1 ln 1.25
    double expected = 0.0999 * Math.log(1000) + 0.1 * Math.log(1.25); // 0.712399107...
    assertThat(DriftStatistics.psi(new long[] {0, 50, 50}, new long[] {10, 40, 50}))
        .isCloseTo(expected, within(TOL)).isCloseTo(0.7123991075, within(1e-9));
  }

  @Test
  void psiIgnoresABinEmptyOnBothSides() {
    assertThat(DriftStatistics.psi(new long[] {10, 0, 30, 40}, new long[] {20, 0, 30, 30}))
        .isCloseTo(DriftStatistics.psi(new long[] {10, 30, 40}, new long[] {20, 30, 30}), within(TOL));
  }

  @Test
  void psiIsSymmetricInItsArguments() {
    long[] a = {5, 17, 33, 45};
    long[] b = {12, 20, 30, 38};
    assertThat(DriftStatistics.psi(a, b)).isCloseTo(DriftStatistics.psi(b, a), within(TOL));
  }

  @Test
  void ksIsTheLargestGapBetweenCumulativeSharesAtTheInnerEdges() {
    // P at the inner edges .1 .3 .6, Q .2 .4 .7: gaps .1 .1 .1
    assertThat(DriftStatistics.ks(new long[] {10, 20, 30, 40}, new long[] {20, 20, 30, 30})).isCloseTo(0.1, within(TOL));
    // P .25 .5 .75, Q .05 .15 .45: gaps .2 .35 .3 -> .35
    assertThat(DriftStatistics.ks(new long[] {1, 1, 1, 1}, new long[] {5, 10, 30, 55})).isCloseTo(0.35, within(TOL));
  }

  @Test
  void ksOfDisjointHistogramsIsOne() {
    assertThat(DriftStatistics.ks(new long[] {7, 0, 0}, new long[] {0, 0, 9})).isCloseTo(1.0, within(TOL));
  }

  @Test
  void ksResolutionIsTheLargestBinShareOfEitherSide() {
    assertThat(DriftStatistics.ksResolution(new long[] {10, 20, 30, 40}, new long[] {20, 20, 30, 30}))
        .isCloseTo(0.4, within(TOL));
  }

  @Test
  void jensenShannonDistanceIsTheRootOfTheBase2Divergence() {
    // p = .5 .5, q = 1 0, m = .75 .25
    // KL(p||m) = .5 log2(.5/.75) + .5 log2(.5/.25) = .5 (log2 2 - log2 3) + .5 (1) ... = 1 - .5 log2 3 + ... 
    // = .5 (-0.5849625007) + .5 = 0.2075187496 ; KL(q||m) = log2(4/3) = 0.4150374993
    // JSD = (0.2075187496 + 0.4150374993) / 2 = 0.3112781245 ; distance = sqrt = 0.5579230452
    double kl1 = 0.5 * log2(0.5 / 0.75) + 0.5 * log2(0.5 / 0.25);
    double kl2 = log2(1 / 0.75);
    double expected = Math.sqrt((kl1 + kl2) / 2);
    assertThat(DriftStatistics.jensenShannonDistance(new long[] {50, 50}, new long[] {80, 0}))
        .isCloseTo(expected, within(TOL)).isCloseTo(0.5579230452, within(1e-9));
  }

  @Test
  void jensenShannonDistanceIsZeroForTheSameAndOneForDisjointDistributions() {
    assertThat(DriftStatistics.jensenShannonDistance(new long[] {3, 6, 1}, new long[] {30, 60, 10})).isCloseTo(0, within(1e-7));
    assertThat(DriftStatistics.jensenShannonDistance(new long[] {3, 0}, new long[] {0, 4})).isCloseTo(1, within(TOL));
  }

  @Test
  void jensenShannonDistanceMatchesAnIndependentComputation() {
    // scipy.spatial.distance.jensenshannon([10,20,30,40], [40,30,20,10], base=2) = 0.3918681606471551
    assertThat(DriftStatistics.jensenShannonDistance(new long[] {10, 20, 30, 40}, new long[] {40, 30, 20, 10}))
        .isCloseTo(0.3918681606471551, within(1e-12));
  }

  @Test
  void refusesHistogramsOfDifferentShapesOrWithoutCounts() {
    assertThatThrownBy(() -> DriftStatistics.psi(new long[] {1, 2}, new long[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DriftStatistics.ks(new long[] {0, 0}, new long[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DriftStatistics.jensenShannonDistance(new long[] {1, -1}, new long[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
