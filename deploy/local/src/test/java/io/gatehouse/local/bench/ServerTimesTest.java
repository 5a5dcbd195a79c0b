package io.gatehouse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ServerTimesTest {

  private static final String URI = "/api/v1/cases/{caseId}/sign-offs";

  /** Two series of the endpoint (201 and 409), one of another endpoint, and the scrape's other lines. */
  private static String scrape(long ok1ms, long ok5ms, long okAll, long conflictAll, double okSum,
      double conflictSum) {
    String ok = "error=\"none\",exception=\"none\",method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\""
        + URI + "\"";
    String conflict = "error=\"none\",exception=\"none\",method=\"POST\",outcome=\"CLIENT_ERROR\",status=\"409\",uri=\""
        + URI + "\"";
    String other = "error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
        + "uri=\"/api/v1/cases/{caseId}\"";
    return String.join("\n",
        "# HELP http_server_requests_seconds",
        "# TYPE http_server_requests_seconds histogram",
        "http_server_requests_seconds_bucket{" + ok + ",le=\"0.001\"} " + ok1ms,
        "http_server_requests_seconds_bucket{" + ok + ",le=\"0.005\"} " + ok5ms,
        "http_server_requests_seconds_bucket{" + ok + ",le=\"+Inf\"} " + okAll,
        "http_server_requests_seconds_count{" + ok + "} " + okAll,
        "http_server_requests_seconds_sum{" + ok + "} " + okSum,
        "http_server_requests_seconds_bucket{" + conflict + ",le=\"0.001\"} 0",
        "http_server_requests_seconds_bucket{" + conflict + ",le=\"0.005\"} " + conflictAll,
        "http_server_requests_seconds_bucket{" + conflict + ",le=\"+Inf\"} " + conflictAll,
        "http_server_requests_seconds_count{" + conflict + "} " + conflictAll,
        "http_server_requests_seconds_sum{" + conflict + "} " + conflictSum,
        "http_server_requests_seconds_max{" + ok + "} 0.25",
        "http_server_requests_seconds_bucket{" + other + ",le=\"0.001\"} 1000",
        "http_server_requests_seconds_bucket{" + other + ",le=\"+Inf\"} 1000",
        "http_server_requests_seconds_count{" + other + "} 1000",
        "jvm_gc_pause_seconds_count{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"} "
            + (okAll / 10),
        "jvm_gc_pause_seconds_sum{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"} "
            + okAll / 1000.0,
        "jvm_gc_pause_seconds_count{action=\"end of major GC\",cause=\"Allocation Failure\",gc=\"MarkSweepCompact\"} 1",
        "jvm_gc_pause_seconds_sum{action=\"end of major GC\",cause=\"Allocation Failure\",gc=\"MarkSweepCompact\"} 0.2",
        "jvm_gc_pause_seconds_max{action=\"end of major GC\",cause=\"Allocation Failure\",gc=\"MarkSweepCompact\"} 0.2",
        "hikaricp_connections_acquire_seconds_count{pool=\"HikariPool-1\"} " + okAll * 3,
        "hikaricp_connections_acquire_seconds_sum{pool=\"HikariPool-1\"} " + okAll * 3 / 100_000.0,
        "# TYPE jvm_compilation_time_ms_total counter",
        "jvm_compilation_time_ms_total{compiler=\"HotSpot 64-Bit Tiered Compilers\"} " + okAll * 20.0,
        "jvm_threads_live_threads 42.0");
  }

  @Test
  void sumsTheEndpointsSeriesAndLeavesOtherEndpointsOut() {
    ServerTimes t = ServerTimes.parse(scrape(10, 80, 100, 20, 0.5, 0.04), "POST", URI);

    assertThat(t.count()).isEqualTo(120);
    assertThat(t.sumSeconds()).isCloseTo(0.54, within(1e-9));
    assertThat(t.buckets()).containsEntry(0.001, 10L).containsEntry(0.005, 100L)
        .containsEntry(Double.POSITIVE_INFINITY, 120L);
    assertThat(t.meanMs()).isCloseTo(4.5, within(1e-9));
    assertThat(t.gcPauses().count()).isEqualTo(11);
    assertThat(t.gcPauses().seconds()).isCloseTo(0.3, within(1e-9));
    assertThat(t.connectionAcquires().count()).isEqualTo(300);
    assertThat(t.compileSeconds()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void aPhaseIsTheDifferenceOfTwoScrapesAndItsPercentilesAreBucketBounds() {
    ServerTimes before = ServerTimes.parse(scrape(10, 80, 100, 20, 0.5, 0.04), "POST", URI);
    // 1000 more requests: 500 within 1 ms, 480 more within 5 ms (10 of them 409s), 20 slower.
    ServerTimes after = ServerTimes.parse(scrape(510, 1050, 1090, 30, 3.5, 0.08), "POST", URI);

    ServerTimes phase = after.since(before);

    assertThat(phase.count()).isEqualTo(1000);
    assertThat(phase.meanMs()).isCloseTo(3.04, within(1e-9));
    assertThat(phase.percentileUpperBoundMs(50)).isEqualTo(1.0);
    assertThat(phase.percentileUpperBoundMs(50.1)).isEqualTo(5.0);
    assertThat(phase.percentileUpperBoundMs(98)).isEqualTo(5.0);
    assertThat(phase.percentileUpperBoundMs(99)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(phase.gcPauses().count()).isEqualTo(99);
    assertThat(phase.gcPauses().meanMs()).isCloseTo(10, within(1e-9));
    assertThat(phase.connectionAcquires().count()).isEqualTo(2970);
    assertThat(phase.connectionAcquires().meanMs()).isCloseTo(0.01, within(1e-9));
    assertThat(phase.compileSeconds()).as("compiled during the phase").isCloseTo(19.8, within(1e-9));
  }

  @Test
  void withoutAHistogramThereAreNoBucketsAndNoPercentiles() {
    String summaryOnly = "http_server_requests_seconds_count{method=\"POST\",status=\"201\",uri=\"" + URI + "\"} 7\n"
        + "http_server_requests_seconds_sum{method=\"POST\",status=\"201\",uri=\"" + URI + "\"} 0.07\n";

    ServerTimes t = ServerTimes.parse(summaryOnly, "POST", URI);

    assertThat(t.hasHistogram()).isFalse();
    assertThat(t.count()).isEqualTo(7);
    assertThat(t.meanMs()).isCloseTo(10, within(1e-9));
    assertThat(t.percentileUpperBoundMs(99)).isZero();
    assertThat(t.compileSeconds()).isZero();
  }
}
