package io.gatehouse.contracts.registry;

/** The predictions file validation computes metrics from; {@code format} is {@code csv} or {@code jsonl}. */
public record EvaluationDataRef(String uri, String sha256, String format, ColumnMapping columns) {}
