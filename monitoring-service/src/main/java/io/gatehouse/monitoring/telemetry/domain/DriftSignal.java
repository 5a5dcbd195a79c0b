package io.gatehouse.monitoring.telemetry.domain;

import java.time.Instant;

/**
 * A drift signal from outside: an external detector on {@code gatehouse.drift-signals.v1}, or an
 * Alertmanager alert.
 *
 * @param firing false when the signal says the drift is over
 * @param source the detector ({@code alertmanager} for alerts)
 */
public record DriftSignal(
    String signalId,
    String modelName,
    int version,
    boolean firing,
    String feature,
    String statistic,
    double value,
    double threshold,
    String severity,
    Instant windowStart,
    Instant windowEnd,
    long sampleSize,
    String source,
    Instant observedAt) {}
