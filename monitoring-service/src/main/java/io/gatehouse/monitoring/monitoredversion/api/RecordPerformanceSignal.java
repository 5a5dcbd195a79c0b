package io.gatehouse.monitoring.monitoredversion.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a performance signal from outside (an Alertmanager alert), firing or resolved.
 * The signal id is the same for firing and resolved (for an alert: its fingerprint and start).
 */
public record RecordPerformanceSignal(@TargetAggregateIdentifier String id, String modelName, int version, String signalId,
    boolean firing, String metric, double observed, double expected, double tolerance, Instant windowStart,
    Instant windowEnd, long sampleSize, Instant at) {}
