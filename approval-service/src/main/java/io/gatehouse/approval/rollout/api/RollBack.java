package io.gatehouse.approval.rollout.api;

/**
 * Roll a stage of a model back: a version still rolling out is withdrawn and traffic returns to the
 * holder; otherwise the holder gives way to the most recent earlier holder whose approval stands.
 */
public record RollBack(String modelName, String stage, String reason, String requestedBy) {}
