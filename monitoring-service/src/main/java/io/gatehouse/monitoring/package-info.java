/**
 * monitoring-service: production telemetry and drift. So far it consumes its inputs (validation
 * results, approvals) once each; drift detection comes next.
 */
package io.gatehouse.monitoring;
