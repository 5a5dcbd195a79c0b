package io.gatehouse.registry.model.domain;

import java.util.regex.Pattern;

/**
 * Model names as MLflow allows them, made safe for URLs and Kafka keys: 1 to 256 characters,
 * letters, digits, and {@code . _ -} inside.
 */
public final class ModelNames {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,254}[A-Za-z0-9])?");

  private ModelNames() {}

  public static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  public static void check(String name) {
    if (!valid(name)) {
      throw RegistryRuleViolation.invalid("model-name-invalid",
          "A model name is 1 to 256 characters: letters, digits and . _ - (not at either end); got '"
              + (name == null ? "" : name.length() > 300 ? name.substring(0, 300) + "..." : name) + "'.");
    }
  }
}
