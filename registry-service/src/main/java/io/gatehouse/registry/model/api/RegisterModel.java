package io.gatehouse.registry.model.api;

import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.contracts.registry.Tag;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a new model; {@code registeredBy} is the caller's identity, never taken from a request body. */
public record RegisterModel(
    @TargetAggregateIdentifier String modelName,
    String description,
    String ownerTeam,
    List<Tag> tags,
    RiskProfile riskProfile,
    String registeredBy) {}
