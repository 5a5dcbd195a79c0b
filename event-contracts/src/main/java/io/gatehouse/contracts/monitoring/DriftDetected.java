package io.gatehouse.contracts.monitoring;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A feature's production distribution drifted from the reference profile over a window;
 * {@code source} names the detector ({@code gatehouse}, {@code alertmanager} or an external one).
 */
@CloudEventType("io.gatehouse.monitoring.DriftDetected.v1")
@Revision("1")
public record DriftDetected(
    String signalId,
    String modelName,
    int version,
    String feature,
    String statistic,
    double value,
    double threshold,
    String severity,
    Instant windowStart,
    Instant windowEnd,
    long sampleSize,
    String source,
    Instant detectedAt) implements ModelVersionEvent {}
