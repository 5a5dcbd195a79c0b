package io.gatehouse.registry.model.api;

/** Rename a model that has no live versions. */
public record RenameModel(
    String modelName,
    String newName,
    String renamedBy) {}
