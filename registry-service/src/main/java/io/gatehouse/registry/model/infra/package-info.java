/** Wiring of the model feature: the multi-aggregate command handler and the registry's settings. */
package io.gatehouse.registry.model.infra;
