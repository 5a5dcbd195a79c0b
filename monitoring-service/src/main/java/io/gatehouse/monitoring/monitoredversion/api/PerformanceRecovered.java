package io.gatehouse.monitoring.monitoredversion.api;

import java.time.Instant;

/** Internal: a degraded metric is back within tolerance (no published event exists for it yet). */
public record PerformanceRecovered(String modelName, int version, String key, String metric,
    double observed, Instant at) {}
