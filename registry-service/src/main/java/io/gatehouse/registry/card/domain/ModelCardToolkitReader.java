package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.Contact;
import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.ModelCard;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Model Card Toolkit JSON document (schema 0.0.1 / 0.0.2, the JSON form of
 * {@code model_card.proto}). What lands where:
 *
 * <ul>
 *   <li>{@code model_details.owners[{name, contact}]}: owners (name, else contact), and contacts;</li>
 *   <li>{@code considerations.use_cases} and {@code users}: intended use (users as "Intended users");</li>
 *   <li>{@code considerations.limitations} and {@code tradeoffs}: limitations;</li>
 *   <li>{@code considerations.ethical_considerations[{name, mitigation_strategy}]}: ethical considerations;</li>
 *   <li>{@code model_parameters.data[]}: training or evaluation data, by what the dataset's name and
 *       description say (the toolkit does not record a role; a guess is reported);</li>
 *   <li>{@code quantitative_analysis.performance_metrics[{type, value, slice}]}: declared metrics.</li>
 * </ul>
 * Everything else (overview, version, licenses, references, citations, architecture, formats,
 * graphics, confidence intervals, thresholds, unknown properties) is reported, not dropped silently.
 */
final class ModelCardToolkitReader {

  private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> KNOWN_VERSIONS = Set.of("0.0.1", "0.0.2");
  private static final List<String> EVALUATION_WORDS = List.of("eval", "test", "valid", "holdout", "hold-out", "hold out");

  private final List<CardWarning> warnings = new ArrayList<>();
  private final List<String> useCases = new ArrayList<>();
  private final List<String> users = new ArrayList<>();
  private final List<String> limitations = new ArrayList<>();
  private final List<String> tradeoffs = new ArrayList<>();
  private final List<String> ethical = new ArrayList<>();
  private final List<String> training = new ArrayList<>();
  private final List<String> evaluation = new ArrayList<>();
  private final Set<String> owners = new LinkedHashSet<>();
  private final Set<Contact> contacts = new LinkedHashSet<>();
  private final List<DeclaredMetric> metrics = new ArrayList<>();

  private ModelCardToolkitReader() {}

  static ImportedCard read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new UnreadableCard("The Model Card Toolkit document is not valid JSON"
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")
          + ": " + e.getOriginalMessage() + ".");
    }
    if (root == null || !root.isObject()) {
      throw new UnreadableCard("A Model Card Toolkit document must be a JSON object.");
    }
    ModelCardToolkitReader reader = new ModelCardToolkitReader();
    reader.root(root);
    return new ImportedCard(reader.card(), reader.warnings);
  }

  private void root(JsonNode root) {
    fields(root, "", Map.of(
        "schema_version", v -> {
          if (!KNOWN_VERSIONS.contains(v.asString())) {
            warnings.add(new CardWarning(CardWarning.UNKNOWN_SCHEMA_VERSION, "/schema_version", "Schema version '"
                + v.asString() + "' is not one this reader knows (" + KNOWN_VERSIONS + "); read as 0.0.2."));
          }
        },
        "model_details", this::modelDetails,
        "model_parameters", this::modelParameters,
        "quantitative_analysis", this::quantitativeAnalysis,
        "considerations", this::considerations));
  }

  private void modelDetails(JsonNode details) {
    fields(details, "/model_details", Map.of("owners", list -> each(list, "/model_details/owners", (owner, at) ->
        fields(owner, at, Map.of("name", v -> { }, "contact", v -> { }), () -> {
          String name = text(owner.path("name"));
          String contact = text(owner.path("contact"));
          if (name == null && contact == null) {
            unmapped(at, "an owner with neither name nor contact");
            return;
          }
          owners.add(name != null ? name : contact);
          if (contact != null) {
            contacts.add(new Contact(name, contact));
          }
        }))));
  }

  private void modelParameters(JsonNode parameters) {
    fields(parameters, "/model_parameters", Map.of("data", data -> each(data, "/model_parameters/data", this::dataset)));
  }

  private void dataset(JsonNode d, String at) {
    fields(d, at, Map.of("name", v -> { }, "link", v -> { }, "description", v -> { },
        "sensitive", s -> fields(s, at + "/sensitive", Map.of("sensitive_data", v -> { }))), () -> {
      String name = text(d.path("name"));
      String link = text(d.path("link"));
      String description = text(d.path("description"));
      List<String> sensitive = new ArrayList<>();
      d.path("sensitive").path("sensitive_data").forEach(s -> sensitive.add(s.asString()));
      StringBuilder b = new StringBuilder("- ");
      b.append(name != null ? "**" + name + "**" : "Dataset");
      if (link != null) {
        b.append(" (").append(link).append(')');
      }
      if (description != null) {
        b.append(": ").append(description);
      }
      if (!sensitive.isEmpty()) {
        b.append(" Sensitive data: ").append(String.join("; ", sensitive)).append('.');
      }
      String words = ((name == null ? "" : name) + " " + (description == null ? "" : description)).toLowerCase(Locale.ROOT);
      boolean eval = EVALUATION_WORDS.stream().anyMatch(words::contains);
      boolean train = words.contains("train");
      if (eval && !train) {
        evaluation.add(b.toString());
      } else {
        training.add(b.toString());
        if (eval || !train) {
          warnings.add(new CardWarning(CardWarning.GUESSED_DATASET_ROLE, at, "Dataset '" + (name != null ? name : at)
              + "' does not say clearly whether it trained or evaluated the model; imported as training data."));
        }
      }
    });
  }

  private void quantitativeAnalysis(JsonNode analysis) {
    fields(analysis, "/quantitative_analysis", Map.of("performance_metrics", list ->
        each(list, "/quantitative_analysis/performance_metrics", (m, at) ->
            fields(m, at, Map.of("type", v -> { }, "value", v -> { }, "slice", v -> { }), () -> {
              String type = text(m.path("type"));
              Double value = m.path("value").isNumber() ? Double.valueOf(m.path("value").asDouble())
                  : ModelIndex.number(text(m.path("value")));
              if (type == null || value == null || !Double.isFinite(value)) {
                warnings.add(new CardWarning(CardWarning.METRIC_SKIPPED, at, "Performance metric at " + at
                    + (type == null ? " has no type" : " '" + type + "' has the value '" + text(m.path("value"))
                        + "', not a finite number") + "; skipped."));
                return;
              }
              metrics.add(new DeclaredMetric(type, null, value, null, null, null, null, text(m.path("slice")), null));
            }))));
  }

  private void considerations(JsonNode considerations) {
    fields(considerations, "/considerations", Map.of(
        "use_cases", l -> descriptions(l, "/considerations/use_cases", useCases, null),
        "users", l -> descriptions(l, "/considerations/users", users, "Intended users"),
        "limitations", l -> descriptions(l, "/considerations/limitations", limitations, null),
        "tradeoffs", l -> descriptions(l, "/considerations/tradeoffs", tradeoffs, "Tradeoffs"),
        "ethical_considerations", l -> {
          List<String> risks = new ArrayList<>();
          each(l, "/considerations/ethical_considerations", (risk, at) ->
              fields(risk, at, Map.of("name", v -> { }, "mitigation_strategy", v -> { }), () -> {
                String name = text(risk.path("name"));
                String mitigation = text(risk.path("mitigation_strategy"));
                if (name != null || mitigation != null) {
                  risks.add("- " + (name != null ? name : "Risk") + (mitigation != null ? " Mitigation: " + mitigation : ""));
                }
              }));
          if (!risks.isEmpty()) {
            ethical.add(String.join("\n", risks));
          }
        }));
  }

  /** A list of {description} objects (or plain strings) as a bullet list, introduced by a bold label if given. */
  private void descriptions(JsonNode list, String at, List<String> into, String label) {
    List<String> items = new ArrayList<>();
    each(list, at, (item, iat) -> {
      if (item.isString()) {
        items.add("- " + item.asString().strip());
        return;
      }
      fields(item, iat, Map.of("description", v -> { }), () -> {
        String d = text(item.path("description"));
        if (d != null) {
          items.add("- " + d);
        }
      });
    });
    if (!items.isEmpty()) {
      into.add((label == null ? "" : "**" + label + "**\n\n") + String.join("\n", items));
    }
  }

  private ModelCard card() {
    List<String> intendedUse = new ArrayList<>(useCases);
    intendedUse.addAll(users);
    List<String> limitationsAndTradeoffs = new ArrayList<>(limitations);
    limitationsAndTradeoffs.addAll(tradeoffs);
    return new ModelCard(join(intendedUse), null, null, join(training), join(evaluation), null, null,
        join(limitationsAndTradeoffs), join(ethical), List.copyOf(owners), metrics, List.copyOf(contacts));
  }

  private static String join(List<String> parts) {
    return parts.isEmpty() ? null : String.join("\n\n", parts);
  }

  /** Visits the known properties of an object, reports the others, then runs {@code then}. */
  private void fields(JsonNode node, String at, Map<String, Consumer<JsonNode>> known, Runnable then) {
    if (!node.isObject()) {
      unmapped(at, "'" + brief(node) + "', not an object");
      return;
    }
    for (String name : node.propertyNames()) {
      Consumer<JsonNode> handler = known.get(name);
      if (handler == null) {
        unmapped(at + "/" + name, brief(node.path(name)));
      } else if (!node.path(name).isNull()) {
        handler.accept(node.path(name));
      }
    }
    then.run();
  }

  private void fields(JsonNode node, String at, Map<String, Consumer<JsonNode>> known) {
    fields(node, at, known, () -> { });
  }

  private interface Item {
    void accept(JsonNode item, String at);
  }

  private void each(JsonNode list, String at, Item item) {
    if (!list.isArray()) {
      unmapped(at, "'" + brief(list) + "', not a list");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      item.accept(list.path(i), at + "/" + i);
    }
  }

  private void unmapped(String at, String what) {
    warnings.add(new CardWarning(CardWarning.UNMAPPED_FIELD, at, at + " (" + what + ") has no place in the card; not imported."));
  }

  private static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    String s = node.isValueNode() ? node.asString().strip() : node.toString();
    return s.isEmpty() ? null : s;
  }

  private static String brief(JsonNode node) {
    String s = node.isString() ? node.asString() : node.toString();
    s = s.replaceAll("\\s+", " ");
    return s.length() <= 120 ? s : s.substring(0, 119) + "…";
  }
}
