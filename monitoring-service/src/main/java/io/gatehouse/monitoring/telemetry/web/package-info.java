/** Telemetry over REST, in batches. */
package io.gatehouse.monitoring.telemetry.web;
