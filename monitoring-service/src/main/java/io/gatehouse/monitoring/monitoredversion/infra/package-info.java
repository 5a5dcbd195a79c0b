/**
 * Monitored versions' plumbing: translators from other services' events, the read model, the
 * projection of each version's settings to the engine, and the listener that applies the engine's
 * window results once each.
 */
package io.gatehouse.monitoring.monitoredversion.infra;
