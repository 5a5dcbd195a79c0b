package io.gatehouse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.EventCatalog.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One hand-written document per released revision: {@code samples/<ce-type>.json} for revision 1,
 * {@code samples/<ce-type>.rev<N>.json} for revision N. They are the frozen contract: today's records
 * and schemas must still read every one of them, field for field. Never regenerate them; a new
 * revision gets a new sample and an upcaster.
 */
class FrozenSamplesTest {

  private static final JsonMapper JSON = EventJson.mapper();

  static List<Arguments> samples() {
    List<Arguments> samples = new ArrayList<>();
    for (Entry entry : EventCatalog.all()) {
      for (int revision = 1; revision <= Integer.parseInt(entry.revision()); revision++) {
        samples.add(Arguments.of(entry, revision));
      }
    }
    return samples;
  }

  static String resource(Entry entry, int revision) {
    return "/samples/" + entry.type() + (revision == 1 ? "" : ".rev" + revision) + ".json";
  }

  @ParameterizedTest(name = "{0} revision {1}")
  @MethodSource("samples")
  void frozenSampleStillValidatesAndDeserializes(Entry entry, int revision) {
    JsonNode sample = Schemas.readResource(resource(entry, revision));

    assertThat(Schemas.validate(entry, sample)).isEmpty();
    GatehouseEvent event = JSON.treeToValue(sample, entry.javaType());
    // Unknown properties are tolerated on read, so a renamed component would silently read as null:
    // writing the event back must give the sample again, field for field, and a property added after
    // the sample's revision must read as the default its schema declares.
    JsonNode expected = withDefaults(Schemas.node(entry), Schemas.node(entry), sample.deepCopy());
    assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(expected);
    if (revision == Integer.parseInt(entry.revision())) {
      assertThat(expected).as("the sample of the current revision has every property").isEqualTo(sample);
    }
  }

  @Test
  void aSampleMissingAPropertyWithoutDefaultWouldNotReadBack() {
    Entry entry = EventCatalog.of(io.gatehouse.contracts.registry.ModelCardUpdated.class);
    ObjectNode sample = (ObjectNode) Schemas.readResource(resource(entry, 2));
    ((ObjectNode) sample.path("modelCard")).remove("limitations");

    JsonNode written = JSON.readTree(JSON.writeValueAsString(JSON.treeToValue(sample, entry.javaType())));
    assertThat(written).isNotEqualTo(withDefaults(Schemas.node(entry), Schemas.node(entry), sample.deepCopy()));
  }

  /** The document with every absent property that has a {@code default} in the schema filled in. */
  static JsonNode withDefaults(JsonNode root, JsonNode schema, JsonNode doc) {
    if (schema.has("$ref")) {
      String name = schema.path("$ref").asString().substring("#/$defs/".length());
      return withDefaults(root, root.path("$defs").path(name), doc);
    }
    if (schema.has("anyOf")) {
      return doc.isNull() ? doc : withDefaults(root, schema.path("anyOf").path(0), doc);
    }
    if (doc instanceof ObjectNode object) {
      for (String property : schema.path("properties").propertyNames()) {
        JsonNode propertySchema = schema.path("properties").path(property);
        if (!object.has(property) && propertySchema.has("default")) {
          object.set(property, propertySchema.path("default").deepCopy());
        } else if (object.has(property)) {
          object.set(property, withDefaults(root, propertySchema, object.path(property)));
        }
      }
    } else if (doc.isArray()) {
      for (int i = 0; i < doc.size(); i++) {
        ((tools.jackson.databind.node.ArrayNode) doc).set(i, withDefaults(root, schema.path("items"), doc.path(i)));
      }
    }
    return doc;
  }
}
