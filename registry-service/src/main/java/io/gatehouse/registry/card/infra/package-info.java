/** The model card sections each risk tier requires, kept from the policy approval-service publishes. */
package io.gatehouse.registry.card.infra;
