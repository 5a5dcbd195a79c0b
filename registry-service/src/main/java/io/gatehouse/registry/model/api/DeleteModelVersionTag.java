package io.gatehouse.registry.model.api;

import io.gatehouse.registry.model.domain.ModelVersionIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a tag of a version; removing a missing tag does nothing. */
public record DeleteModelVersionTag(
    String modelName,
    int version,
    String key,
    String deletedBy) {

  @TargetAggregateIdentifier
  public String versionId() {
    return ModelVersionIds.of(modelName, version);
  }
}
