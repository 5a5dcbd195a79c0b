package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.CardText;
import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.registry.Contact;
import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.ModelCard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The card as Gatehouse's own JSON: exactly the {@code ModelCard} of the published events, every
 * property present (null for a missing section) in the record's order. Reading it is strict: an
 * unknown or duplicate property, or a value of the wrong type, is refused with its path.
 */
final class CardJson {

  private static final JsonMapper STRICT = EventJson.mapper().rebuild()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private static final Set<String> TOOLKIT_KEYS = Set.of("model_details", "model_parameters", "quantitative_analysis",
      "considerations", "schema_version");

  private CardJson() {}

  static String write(ModelCard card) {
    return EventJson.mapper().writeValueAsString(card);
  }

  static ImportedCard read(String json) {
    JsonNode tree;
    try {
      tree = STRICT.readTree(json);
    } catch (JacksonException e) {
      throw new UnreadableCard("The model card is not valid JSON" + location(e) + ": " + e.getOriginalMessage() + ".");
    }
    if (tree == null || !tree.isObject()) {
      throw new UnreadableCard("The model card must be a JSON object.");
    }
    if (tree.propertyNames().stream().anyMatch(TOOLKIT_KEYS::contains)) {
      throw new UnreadableCard("This looks like a Model Card Toolkit document: send it as "
          + CardFormats.MODEL_CARD_TOOLKIT + ".");
    }
    ModelCard card;
    try {
      card = STRICT.treeToValue(tree, ModelCard.class);
    } catch (JacksonException e) {
      String path = e.getPath().stream()
          .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw new UnreadableCard(e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u
          ? "Unknown field '" + path + "'; a card has " + componentNames(ModelCard.class) + "."
          : "Field '" + path + "' is missing a value of the right type, or has one of the wrong type.");
    }
    List<CardWarning> warnings = new ArrayList<>();
    for (int i = 0; i < card.declaredMetrics().size(); i++) {
      DeclaredMetric m = card.declaredMetrics().get(i);
      if (m.type() == null || m.type().isBlank()) {
        throw new UnreadableCard("declaredMetrics[" + i + "] needs a type (e.g. accuracy, roc_auc).");
      }
      if (!tree.path("declaredMetrics").path(i).path("value").isNumber()) {
        throw new UnreadableCard("declaredMetrics[" + i + "].value must be a number.");
      }
    }
    for (int i = 0; i < card.contacts().size(); i++) {
      Contact c = card.contacts().get(i);
      if (blank(c.name()) && blank(c.address())) {
        throw new UnreadableCard("contacts[" + i + "] needs a name, an address, or both.");
      }
    }
    for (CardSection s : CardSection.textSections()) {
      String text = s.text(card);
      if (text != null && !text.isBlank() && CardText.isPlaceholder(text)) {
        warnings.add(new CardWarning(CardWarning.PLACEHOLDER, s.wireName(),
            s.wireName() + " holds only a placeholder ('" + text.strip() + "'); it counts as missing."));
      }
    }
    return new ImportedCard(card, warnings);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static List<String> componentNames(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
