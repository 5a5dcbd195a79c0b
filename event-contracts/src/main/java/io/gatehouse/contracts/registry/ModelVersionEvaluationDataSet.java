package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A version's evaluation data reference was given or replaced after it was created (the native API or
 * MLflow tag {@code gatehouse.evaluation_data}); validation evaluates the version again on it. The
 * artifact is unchanged.
 */
@CloudEventType("io.gatehouse.registry.ModelVersionEvaluationDataSet.v1")
@Revision("1")
public record ModelVersionEvaluationDataSet(
    String modelName,
    int version,
    EvaluationDataRef evaluationData,
    String setBy,
    Instant setAt) implements ModelVersionEvent {}
