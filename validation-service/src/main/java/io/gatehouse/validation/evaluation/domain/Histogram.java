package io.gatehouse.validation.evaluation.domain;

import java.util.List;

/**
 * The reference distribution of one feature, the shape of {@code FeatureHistogram} in
 * event-contracts: {@code numeric} has one more bin edge than counts and no categories,
 * {@code categorical} one count per category (sorted) and no edges.
 */
public record Histogram(String feature, String kind, List<Double> binEdges, List<String> categories,
    List<Long> counts) {}
