/** REST endpoints for models and versions. */
package io.gatehouse.registry.model.web;
