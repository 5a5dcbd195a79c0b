package io.gatehouse.registry.model.domain;

import io.gatehouse.contracts.registry.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tags as MLflow allows them: a key of at most 250 characters from {@code [A-Za-z0-9_ ./:-]} that does
 * not escape a path ({@code ..}, leading {@code /}); a value of at most 5000 characters. A model or a
 * version holds at most {@link #MAX_TAGS}.
 */
public final class TagRules {

  public static final int MAX_KEY = 250;
  public static final int MAX_VALUE = 5000;
  public static final int MAX_TAGS = 100;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_ ./:-]+");

  private TagRules() {}

  public static void checkKey(String key) {
    if (key == null || key.isEmpty()) {
      throw RegistryRuleViolation.invalid("tag-key-invalid", "A tag key is required.");
    }
    if (key.length() > MAX_KEY) {
      throw RegistryRuleViolation.invalid("tag-key-invalid",
          "Tag key '" + key.substring(0, 40) + "...' is longer than " + MAX_KEY + " characters.");
    }
    if (!KEY.matcher(key).matches() || key.startsWith("/") || key.contains("..")) {
      throw RegistryRuleViolation.invalid("tag-key-invalid", "Invalid tag key '" + key
          + "': use letters, digits, spaces and _ . / : - only, without '..' or a leading '/'.");
    }
  }

  public static void check(String key, String value) {
    checkKey(key);
    if (value != null && value.length() > MAX_VALUE) {
      throw RegistryRuleViolation.invalid("tag-value-too-long",
          "The value of tag '" + key + "' is longer than " + MAX_VALUE + " characters.");
    }
  }

  /** The tags as a map (the last of duplicate keys wins, as in MLflow), each checked. */
  public static Map<String, String> toMap(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    if (tags != null) {
      for (Tag t : tags) {
        if (t == null) {
          continue;
        }
        check(t.key(), t.value());
        map.put(t.key(), t.value() == null ? "" : t.value());
      }
    }
    checkCount(map.size());
    return map;
  }

  public static List<Tag> toList(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
  }

  public static void checkCount(int count) {
    if (count > MAX_TAGS) {
      throw RegistryRuleViolation.invalid("too-many-tags", "At most " + MAX_TAGS + " tags are kept per model or version.");
    }
  }
}
