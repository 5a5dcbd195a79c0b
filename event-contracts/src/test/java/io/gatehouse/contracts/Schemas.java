package io.gatehouse.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** Loads the JSON Schemas of the catalogue and validates documents against them, formats asserted. */
final class Schemas {

  /** Format assertions are off by default in 2020-12; on, a malformed date-time is an error. */
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(
          SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

  private Schemas() {}

  static JsonNode node(EventCatalog.Entry entry) {
    return readResource(entry.schemaResource());
  }

  static Schema schema(EventCatalog.Entry entry) {
    return CACHE.computeIfAbsent(entry.type(), t -> REGISTRY.getSchema(node(entry)));
  }

  /** The schema of an input type (not an event): by its type and classpath resource. */
  static Schema schema(String type, String resource) {
    return CACHE.computeIfAbsent(type, t -> REGISTRY.getSchema(readResource(resource)));
  }

  static List<Error> validate(EventCatalog.Entry entry, JsonNode document) {
    return schema(entry).validate(document);
  }

  /** The draft 2020-12 meta-schema, bundled with the validator (no network). */
  static Schema metaSchema() {
    return REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
  }

  /** A classpath resource parsed as JSON; fails the test if it is absent. */
  static JsonNode readResource(String resource) {
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("Missing classpath resource " + resource);
      }
      return EventJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
