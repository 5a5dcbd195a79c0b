/** Wiring of the model feature (none needed yet beyond the platform). */
package io.gatehouse.registry.model.infra;
