/** Inputs from outside: production telemetry (Kafka and REST) and external drift signals, parsed and checked. */
package io.gatehouse.monitoring.telemetry;
