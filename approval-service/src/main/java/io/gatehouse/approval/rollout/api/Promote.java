package io.gatehouse.approval.rollout.api;

/**
 * Promote a version into a stage ({@code staging} or {@code production}); in production, into the
 * next rollout phase of its policy, or into {@code phase} if given (which must be the next one).
 */
public record Promote(String modelName, int version, String stage, String phase, String requestedBy) {}
