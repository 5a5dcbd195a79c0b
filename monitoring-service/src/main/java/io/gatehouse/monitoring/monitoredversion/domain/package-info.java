/** The monitored version aggregate and the plain rules it follows (open signals, transitions). */
package io.gatehouse.monitoring.monitoredversion.domain;
