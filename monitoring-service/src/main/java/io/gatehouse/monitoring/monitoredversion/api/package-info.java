/** Commands of monitored versions and their internal (unpublished) events. */
package io.gatehouse.monitoring.monitoredversion.api;
