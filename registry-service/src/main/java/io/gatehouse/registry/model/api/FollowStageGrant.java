package io.gatehouse.registry.model.api;

/** Show in MLflow the stages approval-service gave: {@code version} entered {@code stage}; {@code leavingVersion} (or null) left it. */
public record FollowStageGrant(
    String modelName,
    int version,
    String stage,
    Integer leavingVersion,
    String caseId) {}
