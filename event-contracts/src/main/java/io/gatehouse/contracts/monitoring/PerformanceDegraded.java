package io.gatehouse.contracts.monitoring;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A production metric moved further from its expected value than the tolerance over a window. */
@CloudEventType("io.gatehouse.monitoring.PerformanceDegraded.v1")
@Revision("1")
public record PerformanceDegraded(
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
    Instant detectedAt) implements ModelVersionEvent {}
