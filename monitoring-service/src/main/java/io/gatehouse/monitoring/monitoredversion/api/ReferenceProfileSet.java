package io.gatehouse.monitoring.monitoredversion.api;

import io.gatehouse.contracts.validation.FeatureHistogram;
import java.time.Instant;
import java.util.List;

/** Internal: the reference profile of a version was set or replaced. */
public record ReferenceProfileSet(String id, String modelName, int version, List<FeatureHistogram> profile,
    String source, String setBy, Instant at) {}
