package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.ModelCard;
import java.util.Collection;
import java.util.List;

/**
 * Which required sections a card leaves missing. A section is missing when it is null, blank or only
 * a template placeholder ({@link CardText}); {@link CardSection#METRICS} is present with either text
 * or a declared metric, {@link CardSection#OWNERS} with at least one owner that is not a placeholder.
 */
public final class CardCompleteness {

  private CardCompleteness() {}

  /** The required sections the card does not fill, in {@link CardSection} order; all of them for no card. */
  public static List<CardSection> missing(ModelCard card, Collection<CardSection> required) {
    return java.util.Arrays.stream(CardSection.values())
        .filter(required::contains)
        .filter(s -> !isPresent(card, s))
        .toList();
  }

  /** The same, as the wire names {@code ModelCardUpdated.missingSections} carries. */
  public static List<String> missingWireNames(ModelCard card, Collection<CardSection> required) {
    return missing(card, required).stream().map(CardSection::wireName).toList();
  }

  public static boolean isPresent(ModelCard card, CardSection section) {
    if (card == null) {
      return false;
    }
    return switch (section) {
      case OWNERS -> card.owners().stream().anyMatch(CardText::isFilled);
      case METRICS -> CardText.isFilled(card.metrics()) || !card.declaredMetrics().isEmpty();
      default -> CardText.isFilled(section.text(card));
    };
  }
}
