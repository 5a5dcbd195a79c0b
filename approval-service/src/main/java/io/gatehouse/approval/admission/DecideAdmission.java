package io.gatehouse.approval.admission;

/**
 * Decide whether an artifact may be deployed. Handled on the command bus so that it reads the case
 * and the rollout as they stand, in order with the commands that change them.
 */
public record DecideAdmission(String modelName, int version, String sha256, String stage) {}
