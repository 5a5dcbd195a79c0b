package io.gatehouse.registry.model.api;

/** Delete a model with its versions, tags and aliases. */
public record DeleteModel(
    String modelName,
    String deletedBy) {}
