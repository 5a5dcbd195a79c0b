package io.gatehouse.monitoring.monitoredversion.api;

import java.time.Instant;

/**
 * Internal, replaced by the published {@link io.gatehouse.contracts.monitoring.PerformanceRecovered}:
 * stored by earlier versions of this service, kept so that their event stores still replay.
 */
public record PerformanceRecovered(String modelName, int version, String key, String metric,
    double observed, Instant at) {}
