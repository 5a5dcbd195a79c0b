package io.gatehouse.contracts.registry;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What counts as saying something in a card. Blank text, and the placeholders templates leave
 * behind (Hugging Face's {@code [More Information Needed]}, {@code TBD}, an unrendered
 * {@code {{ variable }}}, the template's stock sentences), say nothing: a section holding only
 * them is missing.
 */
public final class CardText {

  /** Compared after {@link #normalize}: lower case, no brackets, emphasis or final full stop. */
  private static final List<String> PLACEHOLDERS = List.of(
      "more information needed", "more info needed", "information needed", "needs more information",
      "optional", "tbd", "tba", "todo", "to do", "to be done", "to be determined", "to be added", "n/a", "na",
      "-", "--", "?", "...", "…", "xxx", "lorem ipsum");

  /** Stock sentences of the Hugging Face template, also compared after {@link #normalize}. */
  private static final List<String> TEMPLATE_SENTENCES = List.of(
      "users (both direct and downstream) should be made aware of the risks, biases and limitations of the model",
      "carbon emissions can be estimated using the",
      "use the code below to get started with the model",
      "provide a quick summary of what the model is/does",
      "click to expand");

  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}", Pattern.DOTALL);
  private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  private CardText() {}

  /** True if the text says something: not null, not blank, not only placeholders or template text. */
  public static boolean isFilled(String text) {
    return text != null && !isPlaceholder(text);
  }

  /** True if the text is blank or every line of it is a placeholder, comment or template sentence. */
  public static boolean isPlaceholder(String text) {
    if (text == null) {
      return true;
    }
    String withoutComments = COMMENT.matcher(text).replaceAll(" ");
    for (String line : withoutComments.split("\n")) {
      String l = normalize(LIST_MARKER.matcher(line).replaceFirst(""));
      if (!l.isEmpty() && !PLACEHOLDERS.contains(l) && TEMPLATE_SENTENCES.stream().noneMatch(l::startsWith)) {
        return false;
      }
    }
    return true;
  }

  /** True if a placeholder is left somewhere in otherwise filled text (worth a warning). */
  public static boolean containsPlaceholder(String text) {
    if (text == null) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("more information needed") || TEMPLATE_VARIABLE.matcher(text).find();
  }

  /** The text without HTML comments, trimmed; null if nothing is left. */
  public static String withoutComments(String text) {
    if (text == null) {
      return null;
    }
    String t = COMMENT.matcher(text).replaceAll("").strip();
    return t.isEmpty() ? null : t;
  }

  private static String normalize(String line) {
    String l = TEMPLATE_VARIABLE.matcher(line).replaceAll(" ");
    l = HTML_TAG.matcher(l).replaceAll(" ");
    l = l.replaceAll("[\\[\\]*_`>]", " ").strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    while (l.endsWith(".") && !l.equals("...")) {
      l = l.substring(0, l.length() - 1).strip();
    }
    return l;
  }
}
