package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.DeclaredMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code model-index} of Hugging Face front matter (Papers with Code's format) to and from
 * declared metrics: one metric per {@code results[].metrics[]} entry, in document order.
 *
 * <pre>
 * model-index:
 * - name: credit-scorer            # the model's name: the registry has its own, not imported
 *   results:
 *   - task: {type: text-classification, name: Text Classification}
 *     dataset: {type: imdb, name: IMDb, config: plain_text, split: test}
 *     metrics:
 *     - {type: accuracy, value: 0.93, name: Accuracy, slice: "length&lt;100"}   # slice: Gatehouse's extension
 *     source: {name: Open LLM Leaderboard, url: https://...}
 * </pre>
 *
 * Display names ({@code task.name}, {@code dataset.name} when {@code dataset.type} is given,
 * {@code model-index[].name}) are not kept; any other key is reported.
 */
final class ModelIndex {

  private static final Set<String> ENTRY_KEYS = Set.of("name", "results");
  private static final Set<String> RESULT_KEYS = Set.of("task", "dataset", "metrics", "source");
  private static final Set<String> TASK_KEYS = Set.of("type", "name");
  private static final Set<String> DATASET_KEYS = Set.of("type", "name", "config", "split");
  private static final Set<String> METRIC_KEYS = Set.of("type", "name", "value", "slice");
  /** {@code verified: false} (the Hub's default) says nothing; {@code verified: true} is reported. */
  private static final Map<String, Object> SILENT = Map.of("verified", Boolean.FALSE);
  private static final Set<String> SOURCE_KEYS = Set.of("name", "url");
  private static final Pattern NAMED_URL = Pattern.compile("^(.*\\S)\\s+\\((https?://\\S+)\\)$");

  private ModelIndex() {}

  static List<DeclaredMetric> read(Object modelIndex, List<CardWarning> warnings) {
    List<DeclaredMetric> metrics = new ArrayList<>();
    if (modelIndex == null) {
      return metrics;
    }
    if (!(modelIndex instanceof List<?> entries)) {
      skip(warnings, "model-index", "model-index is not a list of models; no metric was read from it.");
      return metrics;
    }
    for (int e = 0; e < entries.size(); e++) {
      String at = "model-index[" + e + "]";
      if (!(entries.get(e) instanceof Map<?, ?> entry)) {
        skip(warnings, at, at + " is not a mapping; skipped.");
        continue;
      }
      unknownKeys(entry, ENTRY_KEYS, at, warnings);
      if (!(entry.get("results") instanceof List<?> results)) {
        skip(warnings, at + ".results", at + " has no list of results; no metric was read from it.");
        continue;
      }
      for (int r = 0; r < results.size(); r++) {
        String rat = at + ".results[" + r + "]";
        if (!(results.get(r) instanceof Map<?, ?> result)) {
          skip(warnings, rat, rat + " is not a mapping; skipped.");
          continue;
        }
        unknownKeys(result, RESULT_KEYS, rat, warnings);
        Map<?, ?> task = mapping(result.get("task"), rat + ".task", TASK_KEYS, warnings);
        Map<?, ?> dataset = mapping(result.get("dataset"), rat + ".dataset", DATASET_KEYS, warnings);
        Map<?, ?> source = mapping(result.get("source"), rat + ".source", SOURCE_KEYS, warnings);
        String datasetId = text(dataset.get("type")) != null ? text(dataset.get("type")) : text(dataset.get("name"));
        String sourceText = source(text(source.get("name")), text(source.get("url")));
        if (!(result.get("metrics") instanceof List<?> declared)) {
          skip(warnings, rat + ".metrics", rat + " has no list of metrics; skipped.");
          continue;
        }
        for (int m = 0; m < declared.size(); m++) {
          String mat = rat + ".metrics[" + m + "]";
          if (!(declared.get(m) instanceof Map<?, ?> metric)) {
            skip(warnings, mat, mat + " is not a mapping; skipped.");
            continue;
          }
          unknownKeys(metric, METRIC_KEYS, mat, warnings);
          String type = text(metric.get("type"));
          String name = text(metric.get("name"));
          if (type == null && name == null) {
            skip(warnings, mat, mat + " has neither type nor name; skipped.");
            continue;
          }
          Double value = number(metric.get("value"));
          if (value == null) {
            skip(warnings, mat, "Metric '" + (type != null ? type : name) + "' at " + mat + " has the value '"
                + metric.get("value") + "', not a finite number; skipped.");
            continue;
          }
          metrics.add(new DeclaredMetric(type != null ? type : name, name, value, text(task.get("type")), datasetId,
              text(dataset.get("config")), text(dataset.get("split")), text(metric.get("slice")), sourceText));
        }
      }
    }
    return metrics;
  }

  /** The model-index of the metrics: consecutive metrics measured alike share one result. */
  static List<Map<String, Object>> write(String modelName, List<DeclaredMetric> metrics) {
    List<Map<String, Object>> results = new ArrayList<>();
    List<Object> key = null;
    List<Map<String, Object>> current = null;
    for (DeclaredMetric m : metrics) {
      List<Object> k = java.util.Arrays.asList(m.task(), m.dataset(), m.datasetConfig(), m.split(), m.source());
      if (!k.equals(key)) {
        key = k;
        current = new ArrayList<>();
        Map<String, Object> result = new LinkedHashMap<>();
        if (m.task() != null) {
          result.put("task", Map.of("type", m.task()));
        }
        if (m.dataset() != null || m.datasetConfig() != null || m.split() != null) {
          Map<String, Object> dataset = new LinkedHashMap<>();
          putIfPresent(dataset, "name", m.dataset());
          putIfPresent(dataset, "type", m.dataset());
          putIfPresent(dataset, "config", m.datasetConfig());
          putIfPresent(dataset, "split", m.split());
          result.put("dataset", dataset);
        }
        result.put("metrics", current);
        if (m.source() != null) {
          Matcher named = NAMED_URL.matcher(m.source());
          Map<String, Object> source = new LinkedHashMap<>();
          if (named.matches()) {
            source.put("name", named.group(1));
            source.put("url", named.group(2));
          } else if (m.source().matches("https?://\\S+")) {
            source.put("url", m.source());
          } else {
            source.put("name", m.source());
          }
          result.put("source", source);
        }
        results.add(result);
      }
      Map<String, Object> metric = new LinkedHashMap<>();
      metric.put("type", m.type());
      putIfPresent(metric, "name", m.name());
      metric.put("value", m.value());
      putIfPresent(metric, "slice", m.slice());
      current.add(metric);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", modelName);
    entry.put("results", results);
    return List.of(entry);
  }

  private static String source(String name, String url) {
    if (name != null && url != null) {
      return name + " (" + url + ")";
    }
    return name != null ? name : url;
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static Map<?, ?> mapping(Object value, String at, Set<String> known, List<CardWarning> warnings) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      unknownKeys(map, known, at, warnings);
      return map;
    }
    warnings.add(new CardWarning(CardWarning.UNMAPPED_FIELD, at,
        at + " is '" + value + "', not a mapping; not imported."));
    return Map.of();
  }

  private static void unknownKeys(Map<?, ?> map, Set<String> known, String at, List<CardWarning> warnings) {
    map.forEach((k, v) -> {
      if (!known.contains(String.valueOf(k)) && !Objects.equals(SILENT.get(String.valueOf(k)), v)) {
        String key = String.valueOf(k);
        // a verification token is a long signature: name it, do not repeat it
        String shown = key.equalsIgnoreCase("verifyToken") ? "" : ": " + Yaml.brief(v);
        warnings.add(new CardWarning(CardWarning.UNMAPPED_FIELD, at + "." + key,
            at + "." + key + shown + " has no place in the card; not imported."));
      }
    });
  }

  private static void skip(List<CardWarning> warnings, String at, String message) {
    warnings.add(new CardWarning(CardWarning.METRIC_SKIPPED, at, message));
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = Objects.toString(value).strip();
    return s.isEmpty() ? null : s;
  }

  static Double number(Object value) {
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else if (value instanceof String s && s.strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
      d = Double.parseDouble(s.strip());
    } else {
      return null;
    }
    return Double.isFinite(d) ? d : null;
  }
}
