/**
 * Drift statistics and the rules around them, as plain code: reference histograms and binning, PSI,
 * binned two-sample Kolmogorov-Smirnov, Jensen-Shannon distance, severity by a tier's thresholds.
 */
package io.gatehouse.monitoring.drift.domain;
