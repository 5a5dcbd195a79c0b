package io.gatehouse.registry.card.domain;

import io.gatehouse.platform.rules.RuleViolation;

/** A media type (or charset) no card reader or writer handles (415). */
public class UnsupportedCardFormat extends RuleViolation {
  public UnsupportedCardFormat(String message) {
    super("card-format-unsupported", Kind.UNSUPPORTED_MEDIA_TYPE, message);
  }
}
