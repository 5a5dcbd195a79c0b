package io.gatehouse.monitoring.telemetry.domain;

/** The label of an earlier prediction, sent once known; text as in {@link Observation}. */
public record Label(String modelName, int version, String predictionId, String label, long timestampMs) {}
