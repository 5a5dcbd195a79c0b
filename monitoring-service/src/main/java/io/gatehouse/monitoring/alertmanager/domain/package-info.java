/** The webhook payload and how one alert maps to a signal, as plain code. */
package io.gatehouse.monitoring.alertmanager.domain;
