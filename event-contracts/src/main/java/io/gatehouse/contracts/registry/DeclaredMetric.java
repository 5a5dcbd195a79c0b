package io.gatehouse.contracts.registry;

/**
 * A figure the card's authors declare, not one Gatehouse computed: validation-service computes its own
 * from the evaluation data. {@code type} is the metric's identifier ({@code accuracy}, {@code roc_auc}),
 * {@code name} how the authors labelled it; {@code task}, {@code dataset}, {@code datasetConfig},
 * {@code split} and {@code slice} say what it was measured on, {@code source} who reported it (a
 * leaderboard, a report URL); each of these is null when not declared.
 */
public record DeclaredMetric(
    String type,
    String name,
    double value,
    String task,
    String dataset,
    String datasetConfig,
    String split,
    String slice,
    String source) {}
