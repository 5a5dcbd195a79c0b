/** The monitoring benchmark ({@code ./gatehouse-bench-monitoring}): throughput of the engine and delay to DriftDetected. */
package io.gatehouse.monitoring.bench;
