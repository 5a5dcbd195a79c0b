package io.gatehouse.monitoring.telemetry.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.monitoring.telemetry.domain.InvalidInput;
import io.gatehouse.monitoring.telemetry.domain.Observation;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The hand-written parser agrees with the published JSON Schemas: on every document here, it accepts
 * exactly those the schema validates.
 */
class TelemetryParserTest {

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  static Schema schema(InputType t) throws Exception {
    try (InputStream in = InputType.class.getResourceAsStream(t.schemaResource())) {
      return REGISTRY.getSchema(EventJson.mapper().readTree(in));
    }
  }

  static final String OK = """
      {"modelName":"credit-scorer","version":1,"predictionId":"p-1","timestamp":"2026-11-22T10:00:00.120Z",
       "features":{"income":52000.0,"type":"employed","age":41,"flag":true,"region":null},
       "prediction":1,"score":0.83,"label":null}""";

  static final List<String> OBSERVATIONS = List.of(
      OK,
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{}}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00+02:00\",\"features\":{\"x\":1}}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-02-29T00:00:00Z\",\"features\":{\"x\":1}}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00\",\"features\":{\"x\":1}}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T25:00:00Z\",\"features\":{\"x\":1}}",
      "{\"modelName\":\"m\",\"version\":0,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{\"x\":1}}",
      "{\"modelName\":\"m\",\"version\":1.5,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{\"x\":1}}",
      "{\"modelName\":\"-m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{\"x\":1}}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{\"x\":[1]}}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{\"x\":1},\"extra\":1}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{\"x\":1},\"score\":\"0.5\"}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{\"x\":1},\"label\":{}}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{\"\":1}}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{\"x\":1},\"predictionId\":\"\"}",
      "{\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\",\"features\":{\"x\":1}}",
      "{\"modelName\":\"m\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\"}",
      "[1,2]");

  @Test
  void observationsAreAcceptedExactlyWhenTheSchemaAcceptsThem() throws Exception {
    agrees(InputType.OBSERVATION, OBSERVATIONS, b -> TelemetryParser.observation(b));
  }

  @Test
  void labelsHistogramsAndSignalsAgreeWithTheirSchemas() throws Exception {
    agrees(InputType.LABEL, List.of(
        "{\"modelName\":\"m\",\"version\":1,\"predictionId\":\"p\",\"label\":1,\"timestamp\":\"2026-01-01T00:00:00Z\"}",
        "{\"modelName\":\"m\",\"version\":1,\"predictionId\":\"p\",\"label\":null,\"timestamp\":\"2026-01-01T00:00:00Z\"}",
        "{\"modelName\":\"m\",\"version\":1,\"label\":1,\"timestamp\":\"2026-01-01T00:00:00Z\"}"), TelemetryParser::label);
    agrees(InputType.WINDOW_HISTOGRAM, List.of(
        "{\"modelName\":\"m\",\"version\":1,\"windowStart\":\"2026-01-01T00:00:00Z\",\"windowEnd\":\"2026-01-01T01:00:00Z\",\"sampleSize\":3,\"features\":[{\"feature\":\"x\",\"kind\":\"numeric\",\"counts\":[1,2]}]}",
        "{\"modelName\":\"m\",\"version\":1,\"windowStart\":\"2026-01-01T00:00:00Z\",\"windowEnd\":\"2026-01-01T01:00:00Z\",\"sampleSize\":3,\"features\":[]}",
        "{\"modelName\":\"m\",\"version\":1,\"windowStart\":\"2026-01-01T00:00:00Z\",\"windowEnd\":\"2026-01-01T01:00:00Z\",\"sampleSize\":3,\"features\":[{\"feature\":\"x\",\"kind\":\"ordinal\",\"counts\":[1]}]}",
        "{\"modelName\":\"m\",\"version\":1,\"windowStart\":\"2026-01-01T00:00:00Z\",\"windowEnd\":\"2026-01-01T01:00:00Z\",\"sampleSize\":3,\"features\":[{\"feature\":\"x\",\"kind\":\"numeric\",\"counts\":[-1]}]}"),
        TelemetryParser::windowHistogram);
    String signal = new String(InputType.class.getResourceAsStream("/schemas/" + InputType.DRIFT_SIGNAL.type() + ".json")
        .readAllBytes(), StandardCharsets.UTF_8).isEmpty() ? "" : """
        {"signalId":"s","modelName":"m","version":1,"status":"firing","feature":"f","statistic":"JS","value":0.3,
         "threshold":0.2,"severity":"WARN","windowStart":"2026-01-01T00:00:00Z","windowEnd":"2026-01-01T01:00:00Z",
         "sampleSize":10,"source":"x","observedAt":"2026-01-01T01:00:00Z"}""";
    agrees(InputType.DRIFT_SIGNAL, List.of(signal, signal.replace("\"JS\"", "\"js\""),
        signal.replace("\"firing\"", "\"open\""), signal.replace(",\"source\":\"x\"", "")), TelemetryParser::driftSignal);
  }

  private static void agrees(InputType type, List<String> docs, Function<byte[], Object> parse) throws Exception {
    Schema schema = schema(type);
    for (String doc : docs) {
      boolean schemaSays = schema.validate(EventJson.mapper().readTree(doc)).isEmpty();
      boolean parserSays;
      try {
        parse.apply(doc.getBytes(StandardCharsets.UTF_8));
        parserSays = true;
      } catch (InvalidInput e) {
        parserSays = false;
      }
      assertThat(parserSays).as("%s: schema %s, parser %s", doc, schemaSays, parserSays).isEqualTo(schemaSays);
    }
  }

  @Test
  void readsValuesAsTheEngineCountsThem() {
    Observation o = TelemetryParser.observation(OK.getBytes(StandardCharsets.UTF_8));
    assertThat(o.timestampMs()).isEqualTo(Instant.parse("2026-11-22T10:00:00.120Z").toEpochMilli());
    assertThat(o.featureNames()).containsExactly("income", "type", "age", "flag", "region");
    assertThat(o.featureValues()).containsExactly(52000.0, "employed", 41.0, "true", null);
    assertThat(o.prediction()).isEqualTo("1");
    assertThat(o.score()).isEqualTo(0.83);
    assertThat(o.label()).isNull();
  }

  @Test
  void refusesDuplicateKeysWhichTheSchemaCannotSee() {
    assertThatThrownBy(() -> TelemetryParser.observation(("{\"modelName\":\"m\",\"version\":1,\"timestamp\":"
        + "\"2026-01-01T00:00:00Z\",\"features\":{\"x\":1,\"x\":2}}").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("Duplicate");
  }

  @Test
  void theFastTimestampPathAgreesWithJavaTime() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      Instant t = Instant.ofEpochMilli(r.nextLong(0, 4_102_444_800_000L));
      assertThat(Rfc3339.epochMillis(t.toString(), "t")).as(t.toString()).isEqualTo(t.toEpochMilli());
      String micros = t.toString().replace("Z", "").contains(".") ? t.toString() : t.toString().replace("Z", ".000123Z");
      assertThat(Rfc3339.epochMillis(micros, "t")).isEqualTo(Instant.parse(micros).toEpochMilli());
    }
  }
}
