package io.gatehouse.contracts.monitoring;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A previously detected drift signal fell back under its threshold in a later window. */
@CloudEventType("io.gatehouse.monitoring.DriftResolved.v1")
@Revision("1")
public record DriftResolved(
    String signalId,
    String modelName,
    int version,
    String feature,
    String statistic,
    double value,
    double threshold,
    Instant windowStart,
    Instant windowEnd,
    Instant resolvedAt) implements ModelVersionEvent {}
