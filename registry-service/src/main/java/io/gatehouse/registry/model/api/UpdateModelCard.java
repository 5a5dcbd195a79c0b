package io.gatehouse.registry.model.api;

import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.registry.model.domain.ModelVersionIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a version's model card with a new revision. */
public record UpdateModelCard(
    String modelName,
    int version,
    ModelCard modelCard,
    String updatedBy) {

  @TargetAggregateIdentifier
  public String versionId() {
    return ModelVersionIds.of(modelName, version);
  }
}
