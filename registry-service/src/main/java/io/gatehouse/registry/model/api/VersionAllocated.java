package io.gatehouse.registry.model.api;

/** Internal (not published): a model gave out its next version number. */
public record VersionAllocated(String modelName, int version) {}
