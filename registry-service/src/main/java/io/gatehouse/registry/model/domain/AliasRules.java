package io.gatehouse.registry.model.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Aliases as MLflow allows them: letters, digits, {@code _} and {@code -}, at most 255 characters; not
 * {@code latest} and not {@code v<digits>} (those name versions already).
 */
public final class AliasRules {

  private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  private static final Pattern RESERVED = Pattern.compile("(?i)latest|v\\d+");

  private AliasRules() {}

  public static void check(String alias) {
    if (alias == null || !ALIAS.matcher(alias).matches()) {
      throw RegistryRuleViolation.invalid("alias-invalid",
          "An alias is 1 to 255 letters, digits, '_' or '-'; got '" + alias + "'.");
    }
    if (RESERVED.matcher(alias).matches()) {
      throw RegistryRuleViolation.invalid("alias-reserved", "Alias '" + alias
          + "' is reserved: 'latest' and 'v<number>' already name versions.");
    }
  }

  public static String normalize(String alias) {
    return alias.toLowerCase(Locale.ROOT);
  }
}
