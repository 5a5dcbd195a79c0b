package io.gatehouse.registry.model.api;

/** Internal (not published): a model's version was deleted; its number stays used. */
public record VersionRemoved(String modelName, int version) {}
