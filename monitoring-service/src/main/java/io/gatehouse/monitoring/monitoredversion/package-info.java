/**
 * A monitored model version: its tier and policy, reference profile and validation figures, and the
 * drift and performance signals open on it; it turns window assessments and outside signals into
 * DriftDetected, DriftResolved and PerformanceDegraded.
 */
package io.gatehouse.monitoring.monitoredversion;
