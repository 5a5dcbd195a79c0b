package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.monitoring.telemetry.domain.DriftSignal;
import java.time.Instant;
import java.util.List;

/**
 * What the engine passes to the service on {@link EngineTopics#RESULTS}: a closed window with its
 * statistics ({@code kind} window), or an external drift signal ({@code kind} signal).
 *
 * @param resultId unique per result; the service records it to apply each once
 * @param closedBy count, time (stream time passed the window's end plus grace), idle (the clock did,
 *     while no telemetry arrived), histogram (a producer's aggregate), reference-changed (a new
 *     reference replaced the one it was counted on: no statistics)
 * @param closedAt the engine's clock when the window closed
 */
public record WindowResult(String resultId, String kind, String modelName, int version, Instant windowStart,
    Instant windowEnd, Instant closedAt, long sampleSize, String closedBy, List<Stat> statistics,
    List<String> skipped, Performance performance, DriftSignal signal) {

  /** One statistic of one feature. */
  public record Stat(String feature, String statistic, double value, double resolution, long observed, long missing) {}

  /** Performance of the window's labelled observations. */
  public record Performance(long labelled, long scored, List<Metric> metrics, double aucErrorBound) {}

  /** A metric by validation-service's name. */
  public record Metric(String name, double value) {}
}
