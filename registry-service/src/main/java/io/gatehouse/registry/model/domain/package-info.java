/** The RegisteredModel aggregate and the rules it applies; no Spring, no web, no infrastructure. */
package io.gatehouse.registry.model.domain;
