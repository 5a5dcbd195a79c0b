package io.gatehouse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmUpTest {

  @Test
  void roundsCoverTheSecondsAsked() {
    assertThat(WarmUp.rounds(0)).isZero();
    assertThat(WarmUp.rounds(1)).isEqualTo(1);
    assertThat(WarmUp.rounds(45)).isEqualTo(3);
    assertThat(WarmUp.rounds(46)).isEqualTo(4);
    assertThat(WarmUp.rounds(120)).isEqualTo(8);
  }

  @Test
  void itEndsAfterItsMinimumOnceTheCompilersAreQuiet() {
    assertThat(WarmUp.done(2, 3, 0.0)).as("before the minimum, however quiet").isFalse();
    assertThat(WarmUp.done(3, 3, 8.0)).as("compiling for 8 of 15 s").isFalse();
    assertThat(WarmUp.done(3, 3, 1.6)).as("just over a tenth").isFalse();
    assertThat(WarmUp.done(3, 3, 1.5)).as("a tenth").isTrue();
    assertThat(WarmUp.done(5, 3, 0.2)).isTrue();
  }

  @Test
  void withoutTheServicesFiguresItEndsAtItsMinimum() {
    assertThat(WarmUp.done(2, 3, null)).isFalse();
    assertThat(WarmUp.done(3, 3, null)).isTrue();
  }
}
