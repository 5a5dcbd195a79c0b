package io.gatehouse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesOfAUniformSpreadAreWithinATenthOfAPercent() {
    Latencies l = new Latencies();
    for (int ms = 1000; ms >= 1; ms--) { // order must not matter
      l.recordNanos(ms * 1_000_000L);
    }

    Latencies.Summary s = l.summary();
    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.p50Ms()).isCloseTo(500, within(0.5));
    assertThat(s.p90Ms()).isCloseTo(900, within(0.9));
    assertThat(s.p99Ms()).isCloseTo(990, within(1.0));
    assertThat(s.maxMs()).isCloseTo(1000, within(1.0));
    assertThat(s.meanMs()).isCloseTo(500.5, within(0.5));
  }

  @Test
  void oneSlowRequestInAHundredIsTheP99NotTheP50() {
    Latencies l = new Latencies();
    for (int i = 0; i < 98; i++) {
      l.recordNanos(2_000_000L);
    }
    l.recordNanos(800_000_000L);
    l.recordNanos(900_000_000L);

    assertThat(l.percentileMs(50)).isCloseTo(2, within(0.01));
    assertThat(l.percentileMs(99)).isCloseTo(800, within(0.8));
    assertThat(l.summary().maxMs()).isCloseTo(900, within(0.9));
  }

  @Test
  void sub_millisecondLatenciesKeepTheirMicroseconds() {
    Latencies l = new Latencies();
    l.recordNanos(270_000L);

    assertThat(l.percentileMs(50)).isCloseTo(0.27, within(0.001));
  }

  @Test
  void nothingRecordedIsAllZeros() {
    assertThat(new Latencies().summary()).isEqualTo(new Latencies.Summary(0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void threadsRecordWithoutLosingValues() throws Exception {
    Latencies l = new Latencies();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          l.recordNanos(1_000_000L + i);
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }

    assertThat(l.count()).isEqualTo(80_000);
  }
}
