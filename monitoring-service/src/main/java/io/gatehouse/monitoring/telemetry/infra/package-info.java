/** Reading inputs off the wire (CloudEvents headers, JSON payloads) with the checks their schemas make. */
package io.gatehouse.monitoring.telemetry.infra;
