package io.gatehouse.contracts.validation;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A validation run finished: gate counts, the full report by URI and digest, and the reference
 * profile monitoring compares production telemetry against.
 */
@CloudEventType("io.gatehouse.validation.ValidationCompleted.v1")
@Revision("1")
public record ValidationCompleted(
    String runId,
    String modelName,
    int version,
    int gatesPassed,
    int gatesFailed,
    String reportUri,
    String reportSha256,
    List<FeatureHistogram> referenceProfile,
    String dataSha256,
    long rowCount,
    Instant completedAt) implements ModelVersionEvent {}
