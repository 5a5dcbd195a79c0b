/** The inputs as checked values: observations, labels, window histograms, drift signals. */
package io.gatehouse.monitoring.telemetry.domain;
