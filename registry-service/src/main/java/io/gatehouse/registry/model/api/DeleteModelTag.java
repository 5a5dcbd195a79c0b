package io.gatehouse.registry.model.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a tag of a model; removing a missing tag does nothing. */
public record DeleteModelTag(
    @TargetAggregateIdentifier String modelName,
    String key,
    String deletedBy) {}
