package io.gatehouse.monitoring.telemetry.domain;

import java.util.List;

/** Histograms of one window, aggregated by the producer. */
public record WindowHistogram(String modelName, int version, long windowStartMs, long windowEndMs, long sampleSize,
    List<Entry> features) {

  /** One feature's counts: {@code binEdges} empty means the reference's edges. */
  public record Entry(String feature, String kind, List<Double> binEdges, List<String> categories, List<Long> counts) {}
}
