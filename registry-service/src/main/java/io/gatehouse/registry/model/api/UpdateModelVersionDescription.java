package io.gatehouse.registry.model.api;

import io.gatehouse.registry.model.domain.ModelVersionIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a version's description (null clears it). */
public record UpdateModelVersionDescription(
    String modelName,
    int version,
    String description,
    String updatedBy) {

  @TargetAggregateIdentifier
  public String versionId() {
    return ModelVersionIds.of(modelName, version);
  }
}
