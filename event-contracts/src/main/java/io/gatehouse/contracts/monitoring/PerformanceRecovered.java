package io.gatehouse.contracts.monitoring;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A metric reported degraded ({@link PerformanceDegraded} with the same {@code signalId}) is back
 * within the tolerance of its expected value: a later labelled window, or the resolved notification
 * of an outside performance alert.
 */
@CloudEventType("io.gatehouse.monitoring.PerformanceRecovered.v1")
@Revision("1")
public record PerformanceRecovered(
    String signalId,
    String modelName,
    int version,
    String metric,
    double observed,
    double expected,
    double tolerance,
    Instant windowStart,
    Instant windowEnd,
    long sampleSize,
    Instant recoveredAt) implements ModelVersionEvent {}
