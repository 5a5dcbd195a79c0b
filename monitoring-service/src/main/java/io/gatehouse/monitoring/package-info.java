/**
 * monitoring-service: production telemetry, drift detection (PSI, KS, Jensen-Shannon per feature and
 * window), Alertmanager and external drift signals; publishes DriftDetected, DriftResolved and
 * PerformanceDegraded.
 */
package io.gatehouse.monitoring;
