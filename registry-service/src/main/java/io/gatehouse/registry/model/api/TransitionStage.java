package io.gatehouse.registry.model.api;

/** Move a version to an MLflow stage; Staging and Production only as approval-service granted. */
public record TransitionStage(
    String modelName,
    int version,
    String stage,
    boolean archiveExistingVersions,
    String transitionedBy) {}
