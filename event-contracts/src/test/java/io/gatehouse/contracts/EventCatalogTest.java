package io.gatehouse.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.contracts.EventCatalog.Entry;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.ModelCardUpdated;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class EventCatalogTest {

  static List<Entry> entries() {
    return EventCatalog.all();
  }

  @Test
  void cataloguesEveryEventOfTheDesignAndThoseAddedSince() {
    assertThat(EventCatalog.all()).extracting(e -> e.javaType().getSimpleName()).containsExactlyInAnyOrder(
        "ModelRegistered", "RiskTierAssigned", "ModelVersionSubmitted", "ModelCardUpdated", "ModelVersionRetired",
        "ModelDescriptionUpdated", "ModelTagSet", "ModelTagDeleted", "ModelRenamed", "ModelDeleted", "ModelAliasSet", "ModelAliasDeleted", "ModelVersionCreated", "ModelVersionDescriptionUpdated", "ModelVersionTagSet", "ModelVersionTagDeleted", "ModelVersionStageTransitioned", "ModelVersionDeleted", "ModelVersionEvaluationDataSet", "ModelVersionLineageSet",
        "ValidationStarted", "GatePassed", "GateFailed", "ValidationCompleted",
        "CaseOpened", "SignOffRecorded", "SignOffsVoided", "ChangesRequested", "ModelRejected", "ModelApproved", "ModelPromoted",
        "RolloutPaused", "ModelRolledBack", "ApprovalSuspended", "CaseReopened", "CaseWithdrawn", "RecertificationDue", "ApprovalExpired",
        "BreakGlassApproved", "PolicyPublished",
        "DriftDetected", "DriftResolved", "PerformanceDegraded", "PerformanceRecovered");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void hasAnnotationRevisionAndSchema(Entry entry) {
    Class<?> type = entry.javaType();
    assertThat(type.isRecord()).as("%s is a record", type).isTrue();
    assertThat(type.getAnnotation(CloudEventType.class).value()).isEqualTo(entry.type());
    assertThat(type.getAnnotation(Revision.class)).isNotNull();
    assertThat(entry.revision()).isEqualTo(type.getAnnotation(Revision.class).value()).isNotBlank();
    assertThat(entry.type()).startsWith("io.gatehouse." + entry.source().id() + ".").matches(".*\\.v\\d+");

    JsonNode schema = Schemas.node(entry);
    assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$id").asString()).isEqualTo(entry.dataSchema());
    assertThat(schema.path("title").asString()).isEqualTo(entry.type().split("\\.")[3]);
    assertThat(schema.path("description").asString()).isNotBlank();
  }

  @Test
  void cloudEventTypesAreUnique() {
    List<String> types = EventCatalog.all().stream().map(Entry::type).toList();
    assertThat(types).doesNotHaveDuplicates();
    assertThat(EventCatalog.all()).allSatisfy(e -> assertThat(EventCatalog.byType(e.type())).contains(e));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void sourceServiceMatchesTheJavaPackage(Entry entry) {
    String pkg = entry.javaType().getPackageName();
    assertThat(pkg).isEqualTo("io.gatehouse.contracts." + entry.source().id());
    assertThat(entry.source().topic()).isEqualTo("gatehouse." + entry.source().id() + ".v1");
  }

  @Test
  void everyEventRecordInTheModuleIsCatalogued() throws IOException, URISyntaxException {
    Path classes = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<Class<?>> events;
    try (Stream<Path> files = Files.walk(classes)) {
      events = files.map(classes::relativize).map(Path::toString)
          .filter(f -> f.endsWith(".class") && !f.contains("$"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
          .filter(n -> !n.endsWith("package-info"))
          .map(EventCatalogTest::load)
          .filter(c -> GatehouseEvent.class.isAssignableFrom(c) && !c.isInterface())
          .collect(Collectors.toSet());
    }
    assertThat(events).hasSizeGreaterThan(20);
    assertThat(events).allSatisfy(c -> assertThat(EventCatalog.find(c)).as("%s catalogued", c).isPresent());
  }

  @Test
  void rejectsAClassOutsideThePublishedLanguage() {
    assertThatThrownBy(() -> EventCatalog.of(String.class)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void schemaIsValidDraft202012(Entry entry) {
    assertThat(Schemas.metaSchema().validate(Schemas.node(entry))).isEmpty();
  }

  /**
   * The schema describes the record exactly: same property names, every one required, no others
   * allowed, JSON types that fit the Java types, and the same for every nested record in $defs.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void schemaPropertiesAreTheRecordComponents(Entry entry) {
    JsonNode root = Schemas.node(entry);
    Set<String> visitedDefs = new HashSet<>();
    new SchemaShape(root, visitedDefs).assertRecord(entry.javaType().getSimpleName(), entry.javaType(), root);
    assertThat(root.path("$defs").propertyNames()).as("$defs used by the record").containsExactlyInAnyOrderElementsOf(visitedDefs);
  }

  @Test
  void schemaShapeCheckFailsForAFieldTheSchemaLacks() {
    record Drifted(String modelName, int version, String addedWithoutSchema) {}
    JsonNode root = Schemas.node(EventCatalog.of(io.gatehouse.contracts.approval.ApprovalExpired.class));
    assertThatThrownBy(() -> new SchemaShape(root, new HashSet<>()).assertRecord("Drifted", Drifted.class, root))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void missingSectionsNameTheModelCardSections() {
    JsonNode items = Schemas.node(EventCatalog.of(ModelCardUpdated.class))
        .path("properties").path("missingSections").path("items").path("enum");
    List<String> components = Arrays.stream(ModelCard.class.getRecordComponents()).map(RecordComponent::getName).toList();
    // the ten sections; declaredMetrics and contacts (revision 2) supplement the metrics and owners sections
    assertThat(items.valueStream().map(JsonNode::asString).toList())
        .containsExactlyElementsOf(components.subList(0, 10))
        .doesNotContain("declaredMetrics", "contacts");
  }

  @Test
  void onlyPropertiesAddedInALaterRevisionHaveDefaults() {
    for (Entry entry : EventCatalog.all()) {
      List<String> withDefaults = new java.util.ArrayList<>();
      collectDefaults("", Schemas.node(entry), withDefaults);
      if (entry.revision().equals("1")) {
        assertThat(withDefaults).as("%s is at revision 1", entry).isEmpty();
      }
    }
    assertThat(EventCatalog.of(ModelCardUpdated.class).revision()).isEqualTo("2");
  }

  private static void collectDefaults(String path, JsonNode node, List<String> into) {
    if (node.isObject()) {
      if (node.has("default")) {
        into.add(path);
      }
      node.propertyNames().forEach(n -> collectDefaults(path + "/" + n, node.path(n), into));
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, EventCatalogTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** Walks a record and its schema side by side. */
  private record SchemaShape(JsonNode root, Set<String> visitedDefs) {

    void assertRecord(String path, Class<?> record, JsonNode schema) {
      assertThat(record.isRecord()).as("%s: nested types must be records", path).isTrue();
      List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
      assertThat(schema.path("type").asString()).as("%s type", path).isEqualTo("object");
      assertThat(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").booleanValue())
          .as("%s additionalProperties false", path).isTrue();
      assertThat(schema.path("properties").propertyNames()).as("%s properties", path)
          .containsExactlyInAnyOrderElementsOf(components);
      // A property added in a later revision is optional, with the default a reader of an older
      // document gets (FrozenSamplesTest holds the record to it); every other property is required.
      List<String> withDefault = components.stream().filter(c -> schema.path("properties").path(c).has("default")).toList();
      assertThat(schema.path("required").valueStream().map(JsonNode::asString).toList()).as("%s required", path)
          .containsExactlyInAnyOrderElementsOf(components.stream().filter(c -> !withDefault.contains(c)).toList());
      for (RecordComponent c : record.getRecordComponents()) {
        assertProperty(path + "." + c.getName(), c.getGenericType(), schema.path("properties").path(c.getName()));
      }
    }

    void assertProperty(String path, Type javaType, JsonNode property) {
      Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
      if (raw.isRecord()) {
        String name = raw.getSimpleName();
        if (property.has("anyOf")) {
          // a nullable nested record: exactly its $ref or null
          List<JsonNode> options = property.path("anyOf").valueStream().toList();
          assertThat(options).as("%s anyOf", path).hasSize(2);
          assertThat(options.get(1).path("type").asString()).as("%s anyOf null", path).isEqualTo("null");
          property = options.get(0);
        }
        assertThat(property.path("$ref").asString()).as("%s $ref", path).isEqualTo("#/$defs/" + name);
        JsonNode def = root.path("$defs").path(name);
        assertThat(def.isObject()).as("%s: $defs/%s exists", path, name).isTrue();
        if (visitedDefs.add(name)) {
          assertRecord(path, raw, def);
        }
        return;
      }
      Set<String> types = property.path("type").isArray()
          ? property.path("type").valueStream().map(JsonNode::asString).collect(Collectors.toSet())
          : Set.of(property.path("type").asString());
      String expected = jsonType(path, raw);
      assertThat(types).as("%s type", path).contains(expected).isSubsetOf(expected, "null");
      if (raw.isPrimitive()) {
        assertThat(types).as("%s is primitive, so never null", path).doesNotContain("null");
      }
      if (raw == Instant.class) {
        assertThat(property.path("format").asString()).as("%s format", path).isEqualTo("date-time");
      }
      if (raw == List.class) {
        Type element = ((ParameterizedType) javaType).getActualTypeArguments()[0];
        assertProperty(path + "[]", element, property.path("items"));
      }
    }

    /** The only field types the published language allows: no maps, no enums, no raw objects. */
    private static String jsonType(String path, Class<?> raw) {
      if (raw == String.class || raw == Instant.class) {
        return "string";
      }
      if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
        return "integer";
      }
      if (raw == double.class || raw == Double.class) {
        return "number";
      }
      if (raw == boolean.class || raw == Boolean.class) {
        return "boolean";
      }
      if (raw == List.class) {
        return "array";
      }
      throw new AssertionError(path + ": type " + raw.getName() + " is not allowed in an event");
    }
  }
}
