/** Reference profile uploads and the monitoring view of a version. */
package io.gatehouse.monitoring.monitoredversion.web;
