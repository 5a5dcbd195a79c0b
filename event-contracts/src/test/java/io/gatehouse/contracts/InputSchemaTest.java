package io.gatehouse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import io.gatehouse.contracts.telemetry.InputType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The schemas of the inputs from outside (telemetry, drift signals): valid, with samples, and strict. */
class InputSchemaTest {

  @ParameterizedTest
  @EnumSource(InputType.class)
  void schemaIsValidDraft202012AndNamedByItsType(InputType type) {
    JsonNode schema = Schemas.readResource(type.schemaResource());
    assertThat(Schemas.metaSchema().validate(schema)).isEmpty();
    assertThat(schema.path("$id").asString()).isEqualTo(type.dataSchema());
    assertThat(schema.path("title").asString()).isEqualTo(type.type().split("\\.")[3]);
    assertThat(type.type()).startsWith("io.gatehouse.telemetry.").endsWith(".v1");
  }

  @ParameterizedTest
  @EnumSource(InputType.class)
  void sampleValidates(InputType type) {
    assertThat(schema(type).validate(sample(type))).isEmpty();
  }

  @Test
  void topicsAreTheDesignsInputTopics() {
    assertThat(InputType.OBSERVATION.topic()).isEqualTo("gatehouse.telemetry.v1");
    assertThat(InputType.DRIFT_SIGNAL.topic()).isEqualTo("gatehouse.drift-signals.v1");
    assertThat(InputType.byType("io.gatehouse.telemetry.Label.v1")).contains(InputType.LABEL);
    assertThat(InputType.byType("io.gatehouse.telemetry.Unknown.v1")).isEmpty();
  }

  @Test
  void anObservationNeedsOnlyModelVersionTimestampAndFeatures() {
    ObjectNode minimal = EventJson.mapper().createObjectNode();
    minimal.put("modelName", "m").put("version", 1).put("timestamp", "2026-01-01T00:00:00Z");
    minimal.putObject("features").put("x", 1.5);
    assertThat(schema(InputType.OBSERVATION).validate(minimal)).isEmpty();
  }

  @Test
  void rejectsMalformedObservations() {
    Map<String, Consumer<ObjectNode>> breakages = Map.of(
        "no features", o -> o.remove("features"),
        "no timestamp", o -> o.remove("timestamp"),
        "a feature value that is an object", o -> ((ObjectNode) o.path("features")).putObject("nested"),
        "a timestamp that is not RFC 3339", o -> o.put("timestamp", "22/11/2026 10:00"),
        "version 0", o -> o.put("version", 0),
        "a model name with a slash", o -> o.put("modelName", "a/b"),
        "a score that is a string", o -> o.put("score", "high"),
        "an unknown property", o -> o.put("approvedBy", "mallory"));
    breakages.forEach((what, breakIt) -> {
      ObjectNode doc = (ObjectNode) sample(InputType.OBSERVATION).deepCopy();
      breakIt.accept(doc);
      assertThat(schema(InputType.OBSERVATION).validate(doc)).as(what).isNotEmpty();
    });
  }

  @Test
  void rejectsADriftSignalWithAnUnknownStatisticStatusOrSeverity() {
    for (String[] change : List.of(new String[] {"statistic", "wasserstein"}, new String[] {"status", "pending"},
        new String[] {"severity", "PAGE"})) {
      ObjectNode doc = (ObjectNode) sample(InputType.DRIFT_SIGNAL).deepCopy();
      doc.put(change[0], change[1]);
      assertThat(schema(InputType.DRIFT_SIGNAL).validate(doc)).as(change[0]).isNotEmpty();
    }
  }

  private static Schema schema(InputType type) {
    return Schemas.schema(type.type(), type.schemaResource());
  }

  private static JsonNode sample(InputType type) {
    return Schemas.readResource("/samples/telemetry/" + type.type() + ".json");
  }
}
