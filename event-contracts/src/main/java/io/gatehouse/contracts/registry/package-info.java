/** Events published by registry-service on {@code gatehouse.registry.v1}. */
package io.gatehouse.contracts.registry;
