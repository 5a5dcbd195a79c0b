/**
 * Inputs from outside Gatehouse: production telemetry on {@code gatehouse.telemetry.v1} and drift
 * signals of external detectors on {@code gatehouse.drift-signals.v1}. They are not Gatehouse
 * events (no record, not in the event store); their JSON Schemas are published here all the same.
 */
package io.gatehouse.contracts.telemetry;
