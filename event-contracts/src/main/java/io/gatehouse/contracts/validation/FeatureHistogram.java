package io.gatehouse.contracts.validation;

import java.util.List;

/**
 * The reference distribution of one feature. A {@code numeric} feature has {@code counts.size() + 1}
 * {@code binEdges} and no categories; a {@code categorical} one has one count per category and no
 * bin edges. Empty lists, never null.
 */
public record FeatureHistogram(
    String feature, String kind, List<Double> binEdges, List<String> categories, List<Long> counts) {}
