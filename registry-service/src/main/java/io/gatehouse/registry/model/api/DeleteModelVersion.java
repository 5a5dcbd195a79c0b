package io.gatehouse.registry.model.api;

/** Delete a version; its number is never given again. */
public record DeleteModelVersion(
    String modelName,
    int version,
    String deletedBy) {}
