package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.CardRequirements;
import io.gatehouse.contracts.registry.ModelCard;
import java.util.Collection;
import java.util.List;

/**
 * Which required sections a card leaves missing, as {@link CardSection}s: the rule of
 * {@link CardRequirements} (event-contracts), which validation-service applies too. A section is
 * missing when it is null, blank or only a template placeholder; {@link CardSection#METRICS} is
 * present with either text or a declared metric, {@link CardSection#OWNERS} with at least one owner
 * that is not a placeholder.
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
    return CardRequirements.isFilled(card, section.wireName());
  }
}
