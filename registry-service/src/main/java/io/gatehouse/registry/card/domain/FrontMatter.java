package io.gatehouse.registry.card.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A Markdown document's YAML front matter: the block between a first line {@code ---} and the next
 * line {@code ---} (or {@code ...}). YAML 1.2 core schema, as the Hugging Face Hub reads it:
 * {@code language: no} stays the string "no", {@code ~} is null. Duplicate keys are refused; aliases
 * are bounded.
 */
record FrontMatter(Map<String, Object> values, String body, int bodyFirstLine) {

  static FrontMatter split(String document) {
    String[] lines = document.split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      return new FrontMatter(Map.of(), document, 0);
    }
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.equals("---") || l.equals("...")) {
        String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
        return new FrontMatter(load(yaml), body, i + 1);
      }
    }
    throw new UnreadableCard("The front matter opened by '---' on line 1 is never closed by a '---' line.");
  }

  private static Map<String, Object> load(String yaml) {
    if (yaml.isBlank()) {
      return Map.of();
    }
    LoadSettings settings = LoadSettings.builder()
        .setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(50)
        .setAllowNonScalarKeys(false)
        .setLabel("front matter")
        .setSchema(new CoreSchema())
        .build();
    Object loaded;
    try {
      loaded = new Load(settings).loadFromString(yaml);
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark().map(FrontMatter::where).orElse("");
      throw new UnreadableCard("The front matter is not valid YAML" + where + ": " + e.getProblem() + ".");
    } catch (YamlEngineException e) {
      throw new UnreadableCard("The front matter is not valid YAML: " + e.getMessage());
    }
    if (loaded == null) {
      return Map.of();
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new UnreadableCard("The front matter must be a YAML mapping of keys to values.");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    map.forEach((k, v) -> values.put(String.valueOf(k), v));
    return values;
  }

  /** Line numbers of the whole document: the YAML starts on line 2. */
  private static String where(Mark mark) {
    return " (line " + (mark.getLine() + 2) + ", column " + (mark.getColumn() + 1) + ")";
  }
}
