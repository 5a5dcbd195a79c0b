package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.ModelCard;
import java.util.List;

/** A card read from a document, with everything the reader did not carry over, in document order. */
public record ImportedCard(ModelCard card, List<CardWarning> warnings) {

  public ImportedCard {
    warnings = List.copyOf(warnings);
  }
}
