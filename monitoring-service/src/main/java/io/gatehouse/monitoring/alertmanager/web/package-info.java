/** The Alertmanager webhook endpoint. */
package io.gatehouse.monitoring.alertmanager.web;
