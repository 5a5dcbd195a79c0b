package io.gatehouse.registry.model.api;

import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.registry.model.domain.ModelVersionIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give or replace a version's lineage after it was created. */
public record SetLineage(String modelName, int version, Lineage lineage, String setBy) {

  @TargetAggregateIdentifier
  public String versionId() {
    return ModelVersionIds.of(modelName, version);
  }
}
