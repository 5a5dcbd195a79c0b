package io.gatehouse.registry.model.domain;

import io.gatehouse.contracts.registry.ModelCard;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a model card is missing, and how large it may be. Every component of {@link ModelCard} is a
 * section; an absent, blank or empty one is missing. Which sections a tier requires is the policy's
 * business (its {@code card-complete} gate reads the list); the registry reports every gap. Sections are
 * read from the record's components, so a section added to the card is counted without a change here.
 */
public final class ModelCards {

  /** Most characters in one text section. */
  public static final int MAX_SECTION = 20_000;
  /** Most characters in the whole card. */
  public static final int MAX_CARD = 100_000;
  public static final int MAX_LIST_ITEMS = 100;
  public static final int MAX_ITEM = 1_000;

  private ModelCards() {}

  /** The names of the sections still missing, in the card's order; every section for no card. */
  public static List<String> missingSections(ModelCard card) {
    List<String> missing = new ArrayList<>();
    for (RecordComponent c : ModelCard.class.getRecordComponents()) {
      Object value = card == null ? null : value(c, card);
      if (isEmpty(value)) {
        missing.add(c.getName());
      }
    }
    return missing;
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

  private static boolean isEmpty(Object value) {
    return value == null
        || value instanceof CharSequence s && s.toString().isBlank()
        || value instanceof Collection<?> c && c.isEmpty();
  }

  private static Object value(RecordComponent c, ModelCard card) {
    try {
      return c.getAccessor().invoke(card);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read model card section " + c.getName(), e);
    }
  }
}
