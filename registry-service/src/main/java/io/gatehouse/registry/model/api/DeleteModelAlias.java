package io.gatehouse.registry.model.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove an alias of a model; removing a missing alias does nothing. */
public record DeleteModelAlias(
    @TargetAggregateIdentifier String modelName,
    String alias,
    String deletedBy) {}
