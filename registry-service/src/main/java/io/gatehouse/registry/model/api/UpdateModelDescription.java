package io.gatehouse.registry.model.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a model's description (null clears it). */
public record UpdateModelDescription(
    @TargetAggregateIdentifier String modelName,
    String description,
    String updatedBy) {}
