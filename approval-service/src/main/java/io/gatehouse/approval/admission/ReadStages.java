package io.gatehouse.approval.admission;

/** Read a model's stages as the rollout aggregate holds them. */
public record ReadStages(String modelName) {}
