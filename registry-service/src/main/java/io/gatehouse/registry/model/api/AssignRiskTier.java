package io.gatehouse.registry.model.api;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Override a model's risk tier with a justification; {@code roles} are the caller's (GOVERNANCE_ADMIN or MODEL_RISK may). */
public record AssignRiskTier(
    @TargetAggregateIdentifier String modelName,
    String riskTier,
    String justification,
    String assignedBy,
    Set<String> roles) {}
