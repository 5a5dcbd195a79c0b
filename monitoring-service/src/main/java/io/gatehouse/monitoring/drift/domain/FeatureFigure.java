package io.gatehouse.monitoring.drift.domain;

/**
 * One statistic of one feature over one window.
 *
 * @param observed observations of the window with a usable value of the feature
 * @param missing observations without one (absent, null, or of the wrong type)
 * @param resolution for KS, the largest bin share: the statistic over raw values lies within
 *     {@code [value, value + resolution]}; 0 for the others
 */
public record FeatureFigure(String feature, Statistic statistic, double value, double resolution, long observed,
    long missing) {}
