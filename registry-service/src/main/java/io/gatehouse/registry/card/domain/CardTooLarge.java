package io.gatehouse.registry.card.domain;

import io.gatehouse.platform.rules.RuleViolation;

/** A model card document over the size limit (413). */
public class CardTooLarge extends RuleViolation {
  public CardTooLarge(long bytes, long maxBytes) {
    super("card-too-large", Kind.TOO_LARGE, "The model card is " + bytes + " bytes; the limit is " + maxBytes
        + " bytes (" + (maxBytes / 1024) + " KiB).");
  }
}
