package io.gatehouse.registry.card.domain;

import io.gatehouse.platform.rules.RuleViolation;

/** A model card document that cannot be read at all: malformed YAML, JSON or encoding (422). */
public class UnreadableCard extends RuleViolation {
  public UnreadableCard(String message) {
    super("card-unreadable", Kind.INVALID, message);
  }
}
