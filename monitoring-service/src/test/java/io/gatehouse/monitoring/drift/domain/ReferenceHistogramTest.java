package io.gatehouse.monitoring.drift.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceHistogramTest {

  private final ReferenceHistogram income = ReferenceHistogram.numeric("income",
      List.of(0.0, 20_000.0, 40_000.0, 80_000.0), List.of(10L, 20L, 30L));

  @Test
  void binsAreHalfOpenExceptTheLastAndTheOuterBinsReachToInfinity() {
    assertThat(income.binOf(0.0)).isZero();
    assertThat(income.binOf(19_999.99)).isZero();
    assertThat(income.binOf(20_000.0)).isEqualTo(1);
    assertThat(income.binOf(79_999.0)).isEqualTo(2);
    assertThat(income.binOf(80_000.0)).as("the last edge closes the last bin").isEqualTo(2);
    assertThat(income.binOf(-5.0)).as("below the reference's minimum").isZero();
    assertThat(income.binOf(1e12)).as("above the reference's maximum").isEqualTo(2);
    assertThat(income.binOf(Double.NaN)).isEqualTo(-1);
    assertThat(income.bins()).isEqualTo(3);
  }

  @Test
  void aDegenerateFeatureHasOneBinForEveryValue() {
    ReferenceHistogram constant = ReferenceHistogram.numeric("flag", List.of(1.0, 1.0), List.of(100L));
    assertThat(constant.binOf(1.0)).isZero();
    assertThat(constant.binOf(7.0)).isZero();
  }

  @Test
  void unseenCategoriesCountInTheOtherBin() {
    ReferenceHistogram type = ReferenceHistogram.categorical("employment", List.of("salaried", "self"), List.of(70L, 30L));
    assertThat(type.bins()).isEqualTo(3);
    assertThat(type.binOf("self")).isEqualTo(1);
    assertThat(type.binOf("retired")).isEqualTo(2);
    assertThat(type.referenceCounts()).containsExactly(70, 30, 0);
    assertThat(type.statistics()).containsExactly(Statistic.JS);
    assertThat(income.statistics()).containsExactly(Statistic.PSI, Statistic.KS);
  }

  @Test
  void refusesMalformedHistogramsSayingWhy() {
    assertThatThrownBy(() -> ReferenceHistogram.numeric("x", List.of(0.0, 1.0), List.of(1L, 2L)))
        .hasMessageContaining("one more bin edge than counts");
    assertThatThrownBy(() -> ReferenceHistogram.numeric("x", List.of(0.0, 2.0, 1.0), List.of(1L, 2L)))
        .hasMessageContaining("must not decrease");
    assertThatThrownBy(() -> ReferenceHistogram.numeric("x", List.of(0.0, Double.NaN), List.of(1L)))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> ReferenceHistogram.numeric("x", List.of(0.0, 1.0), List.of(0L)))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> ReferenceHistogram.categorical("x", List.of("a", "a"), List.of(1L, 1L)))
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> ReferenceHistogram.of("x", "numeric", List.of(0.0, 1.0), List.of("a"), List.of(1L)))
        .hasMessageContaining("no categories");
    assertThatThrownBy(() -> ReferenceHistogram.of("x", "ordinal", List.of(), List.of(), List.of(1L)))
        .hasMessageContaining("numeric or categorical");
    assertThatThrownBy(() -> new ReferenceProfile(List.of(income, income))).hasMessageContaining("twice");
  }

  @Test
  void severityFollowsTheTiersThresholdsAtOrOver() {
    Thresholds psi = new Thresholds(0.10, 0.25);
    assertThat(psi.severity(0.0999)).isEqualTo(Severity.NONE);
    assertThat(psi.severity(0.10)).isEqualTo(Severity.WARN);
    assertThat(psi.severity(0.2499)).isEqualTo(Severity.WARN);
    assertThat(psi.severity(0.25)).isEqualTo(Severity.ACT);
    assertThat(psi.severity(Double.NaN)).isEqualTo(Severity.NONE);
    assertThat(psi.levelOf(Severity.ACT)).isEqualTo(0.25);
    assertThat(psi.levelOf(Severity.WARN)).isEqualTo(0.10);
    assertThatThrownBy(() -> new Thresholds(0.3, 0.2)).isInstanceOf(IllegalArgumentException.class);
    DriftThresholds critical = new DriftThresholds(java.util.Map.of(Statistic.KS, new Thresholds(0.10, 0.15)));
    assertThat(critical.severity(Statistic.KS, 0.16)).isEqualTo(Severity.ACT);
    assertThat(critical.severity(Statistic.PSI, 0.16)).as("falls back to the default levels").isEqualTo(Severity.WARN);
  }
}
