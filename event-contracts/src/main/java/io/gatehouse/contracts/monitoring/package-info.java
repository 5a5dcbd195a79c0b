/** Events published by monitoring-service on {@code gatehouse.monitoring.v1}. */
package io.gatehouse.contracts.monitoring;
