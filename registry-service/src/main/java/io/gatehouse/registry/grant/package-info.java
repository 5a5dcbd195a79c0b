/** What approval-service granted each version, learnt from its events: the gate of MLflow promotions. */
package io.gatehouse.registry.grant;
