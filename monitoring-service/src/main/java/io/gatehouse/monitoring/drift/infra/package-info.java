/**
 * The drift engine: a Kafka Streams topology (windows in changelogged state stores, exactly-once)
 * that counts telemetry into tumbling windows per model version, evaluates each closed window
 * against the version's reference profile, and passes external drift signals on; ADR 0008.
 */
package io.gatehouse.monitoring.drift.infra;
