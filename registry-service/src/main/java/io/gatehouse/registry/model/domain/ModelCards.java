package io.gatehouse.registry.model.domain;

import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.CardRequirements;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;

/**
 * What a model card is missing, and how large it may be. The sections are the ten of
 * {@link CardRequirements}; which of them a tier requires is the policy's business (its tiers'
 * {@code card.required_sections}, the default where absent; the {@code card-complete} gate reads the
 * list of those missing).
 */
public final class ModelCards {

  /** Most characters in one text section. */
  public static final int MAX_SECTION = 20_000;
  /** Most characters in the whole card. */
  public static final int MAX_CARD = 100_000;
  public static final int MAX_LIST_ITEMS = 100;
  public static final int MAX_ITEM = 1_000;

  private ModelCards() {}

  /**
   * The wire names of the required sections still missing, in the card's order; every required
   * section for no card. A section is missing when empty or only a template placeholder; declared
   * metrics fill {@code metrics} ({@link CardRequirements}, the rule validation-service applies too).
   * {@code declaredMetrics} and {@code contacts} are not sections.
   */
  public static List<String> missingSections(ModelCard card, Collection<String> required) {
    return CardRequirements.missing(card, required == null ? CardRequirements.SECTIONS : required);
  }

  /** Refuses a card over the size limits (413), naming the section. */
  public static void check(ModelCard card) {
    if (card == null) {
      throw RegistryRuleViolation.invalid("model-card-required", "A model card is required.");
    }
    long total = 0;
    for (RecordComponent c : ModelCard.class.getRecordComponents()) {
      Object value = value(c, card);
      if (value instanceof CharSequence text) {
        if (text.length() > MAX_SECTION) {
          throw RegistryRuleViolation.tooLarge("model-card-too-large", "Model card section '" + c.getName()
              + "' has " + text.length() + " characters; the limit is " + MAX_SECTION + ".");
        }
        total += text.length();
      } else if (value instanceof Collection<?> items) {
        if (items.size() > MAX_LIST_ITEMS) {
          throw RegistryRuleViolation.tooLarge("model-card-too-large", "Model card section '" + c.getName()
              + "' has " + items.size() + " entries; the limit is " + MAX_LIST_ITEMS + ".");
        }
        for (Object item : items) {
          int length = String.valueOf(item).length();
          if (length > MAX_ITEM) {
            throw RegistryRuleViolation.tooLarge("model-card-too-large", "An entry of model card section '"
                + c.getName() + "' has " + length + " characters; the limit is " + MAX_ITEM + ".");
          }
          total += length;
        }
      } else if (value != null) {
        total += String.valueOf(value).length();
      }
    }
    if (total > MAX_CARD) {
      throw RegistryRuleViolation.tooLarge("model-card-too-large",
          "The model card has " + total + " characters; the limit is " + MAX_CARD + ".");
    }
  }

  private static Object value(RecordComponent c, ModelCard card) {
    try {
      return c.getAccessor().invoke(card);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read model card section " + c.getName(), e);
    }
  }
}
