package io.gatehouse.approval.rollout.api;

import io.gatehouse.contracts.monitoring.DriftDetected;

/** Apply the drift response of the case's policy to a drift signal: alert, suspend or roll back. */
public record RespondToDrift(DriftDetected signal) {}
