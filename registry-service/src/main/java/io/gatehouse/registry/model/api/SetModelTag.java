package io.gatehouse.registry.model.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set a tag of a model. */
public record SetModelTag(
    @TargetAggregateIdentifier String modelName,
    String key,
    String value,
    String setBy) {}
