package io.gatehouse.approval.rollout.api;

/** What a roll-back did: the stage, the version withdrawn and the version that holds the stage now. */
public record RollbackResult(String modelName, String stage, int fromVersion, int toVersion) {}
