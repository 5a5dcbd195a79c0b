package io.gatehouse.registry.model.api;

import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.registry.model.domain.ModelVersionIds;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace a version's model card with a new revision. {@code requiredSections} are the sections the
 * model's tier requires under the policy in force (the sender looks them up), by wire name: those the
 * card leaves empty are its missing sections.
 */
public record UpdateModelCard(
    String modelName,
    int version,
    ModelCard modelCard,
    List<String> requiredSections,
    String updatedBy) {

  @TargetAggregateIdentifier
  public String versionId() {
    return ModelVersionIds.of(modelName, version);
  }
}
