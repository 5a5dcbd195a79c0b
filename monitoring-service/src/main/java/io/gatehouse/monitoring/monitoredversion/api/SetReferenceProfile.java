package io.gatehouse.monitoring.monitoredversion.api;

import io.gatehouse.contracts.validation.FeatureHistogram;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set (or replace) the reference profile production telemetry is compared against.
 *
 * @param source {@code validation:<run id>} or {@code upload}
 * @param setBy who set it: {@code service:monitoring-service} for validation's, the caller for an upload
 */
public record SetReferenceProfile(@TargetAggregateIdentifier String id, String modelName, int version,
    List<FeatureHistogram> profile, String source, String setBy, Instant at) {}
