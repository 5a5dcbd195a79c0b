/** Prometheus Alertmanager's webhook (payload version 4): alerts about a model version become drift or performance signals. */
package io.gatehouse.monitoring.alertmanager;
