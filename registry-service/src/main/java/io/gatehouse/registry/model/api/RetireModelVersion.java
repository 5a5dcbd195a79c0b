package io.gatehouse.registry.model.api;

import io.gatehouse.registry.model.domain.ModelVersionIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a version: it can no longer be approved or promoted. */
public record RetireModelVersion(
    String modelName,
    int version,
    String reason,
    String retiredBy) {

  @TargetAggregateIdentifier
  public String versionId() {
    return ModelVersionIds.of(modelName, version);
  }
}
