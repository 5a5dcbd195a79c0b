package io.gatehouse.contracts.validation;

/** A metric value a gate expression read, e.g. {@code metrics.roc_auc = 0.87}. */
public record ObservedValue(String name, double value) {}
