package io.gatehouse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.local.LocalStackException;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsAreTheIssuesTargets() {
    BenchOptions o = BenchOptions.parse();

    assertThat(o.rate()).isEqualTo(200);
    assertThat(o.durationSeconds()).isEqualTo(60);
    assertThat(o.warmupSeconds()).isEqualTo(45);
    assertThat(o.warmupMaxSeconds()).isEqualTo(120);
    assertThat(o.warmupRate()).isEqualTo(100);
    assertThat(o.clients()).isEqualTo(16);
    assertThat(o.peakSeconds()).isEqualTo(60);
    assertThat(o.rawSeconds()).isEqualTo(10);
  }

  @Test
  void optionsTakeSecondsMinutesAndEqualsSigns() {
    BenchOptions o = BenchOptions.parse("--rate", "350.5", "--duration=2m", "--warmup", "0", "--warmup-rate=20",
        "--clients", "32", "--peak-duration", "45s", "--raw-duration", "3", "--no-build");

    assertThat(o).isEqualTo(new BenchOptions(350.5, 120, 20, 0, 120, 32, 45, 3));
    assertThat(BenchOptions.parse("--warmup", "3m").warmupMaxSeconds()).as("a longer minimum raises the maximum")
        .isEqualTo(180);
    assertThat(BenchOptions.parse("--warmup-max", "60").warmupMaxSeconds()).isEqualTo(60);
  }

  @Test
  void helpYieldsNoOptions() {
    assertThat(BenchOptions.parse("--rate", "10", "--help")).isNull();
    assertThat(BenchOptions.parse("-h")).isNull();
  }

  @Test
  void badOptionsAreUsageErrorsNamingTheOption() {
    assertUsage(new String[] {"--rate", "fast"}, "--rate needs sign-offs per second");
    assertUsage(new String[] {"--rate", "0"}, "--rate needs");
    assertUsage(new String[] {"--duration", "0"}, "--duration needs a duration of 1");
    assertUsage(new String[] {"--duration", "-5"}, "--duration needs");
    assertUsage(new String[] {"--warmup", "1h"}, "--warmup needs");
    assertUsage(new String[] {"--warmup", "60", "--warmup-max", "30"},
        "--warmup-max (30 s) must be at least --warmup (60 s)");
    assertUsage(new String[] {"--clients", "0"}, "--clients needs a whole number from 1 to 1024");
    assertUsage(new String[] {"--clients"}, "--clients needs a value");
    assertUsage(new String[] {"--clients", "--rate", "5"}, "--clients needs a value");
    assertUsage(new String[] {"--turbo"}, "Unknown option '--turbo'");
  }

  private static void assertUsage(String[] args, String message) {
    assertThatThrownBy(() -> BenchOptions.parse(args))
        .isInstanceOfSatisfying(LocalStackException.class, e -> assertThat(e.exitCode()).isEqualTo(64))
        .hasMessageContaining(message);
  }
}
