/** Registered models and their versions. */
package io.gatehouse.registry.model;
