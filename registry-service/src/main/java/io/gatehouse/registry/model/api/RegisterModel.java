package io.gatehouse.registry.model.api;

import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.contracts.registry.Tag;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a model; registers again a name whose model was deleted. {@code registeredBy} is the caller. */
public record RegisterModel(
    @TargetAggregateIdentifier String modelName,
    String description,
    String ownerTeam,
    List<Tag> tags,
    RiskProfile riskProfile,
    String registeredBy) {}
