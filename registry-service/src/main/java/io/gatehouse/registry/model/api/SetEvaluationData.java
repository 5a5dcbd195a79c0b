package io.gatehouse.registry.model.api;

import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.registry.model.domain.ModelVersionIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give or replace a version's evaluation data reference after it was created. */
public record SetEvaluationData(String modelName, int version, EvaluationDataRef evaluationData, String setBy) {

  @TargetAggregateIdentifier
  public String versionId() {
    return ModelVersionIds.of(modelName, version);
  }
}
