package io.gatehouse.registry.model.domain;

/** Limits on free text the registry keeps. */
public final class TextRules {

  public static final int MAX_DESCRIPTION = 5000;

  private TextRules() {}

  public static void checkDescription(String description) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw RegistryRuleViolation.invalid("description-too-long",
          "A description has at most " + MAX_DESCRIPTION + " characters; got " + description.length() + ".");
    }
  }
}
