package io.gatehouse.local.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one phase in an HdrHistogram (microsecond resolution, three significant digits, so
 * each percentile is within 0.1 % of the exact one). Threads record concurrently.
 */
public final class Latencies {

  /** Percentiles in milliseconds. Zeros when nothing was recorded. */
  public record Summary(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
      double maxMs) {}

  private final Histogram histogram = new ConcurrentHistogram(3);

  public void recordNanos(long nanos) {
    histogram.recordValue(Math.max(0, nanos) / 1_000);
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /** The value at a percentile (0-100) in milliseconds. */
  public double percentileMs(double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
  }

  public Summary summary() {
    if (histogram.getTotalCount() == 0) {
      return new Summary(0, 0, 0, 0, 0, 0, 0);
    }
    return new Summary(histogram.getTotalCount(), histogram.getMean() / 1_000.0, percentileMs(50), percentileMs(90),
        percentileMs(99), percentileMs(99.9), histogram.getMaxValue() / 1_000.0);
  }
}
