package io.gatehouse.monitoring.monitoredversion.api;

import io.gatehouse.monitoring.drift.domain.DriftThresholds;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Judge a closed window of the engine: each statistic against the version's drift levels, each
 * windowed metric against validation's figure.
 *
 * @param thresholds the levels of the version's tier under its policy version
 * @param tolerance how far a metric may fall short of validation's figure before it is degraded
 * @param minLabelled fewest labelled observations for performance to be judged
 */
public record AssessWindow(@TargetAggregateIdentifier String id, String resultId, Instant windowStart,
    Instant windowEnd, long sampleSize, List<Statistic> statistics, long labelled, List<Metric> metrics,
    DriftThresholds thresholds, double tolerance, long minLabelled, Instant at) {

  /** A feature's statistic over the window. */
  public record Statistic(String feature, String statistic, double value) {}

  /** A windowed performance metric. */
  public record Metric(String name, double value) {}
}
