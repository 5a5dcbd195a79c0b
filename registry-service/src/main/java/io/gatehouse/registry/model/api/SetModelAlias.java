package io.gatehouse.registry.model.api;

/** Point an alias of a model at a version; a protected alias only at a version promoted to production. */
public record SetModelAlias(
    String modelName,
    String alias,
    int version,
    String setBy) {}
