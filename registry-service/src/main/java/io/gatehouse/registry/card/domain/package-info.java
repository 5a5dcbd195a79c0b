/** The model card rules and formats as plain code: completeness per tier, readers and writers; no Spring, no web. */
package io.gatehouse.registry.card.domain;
