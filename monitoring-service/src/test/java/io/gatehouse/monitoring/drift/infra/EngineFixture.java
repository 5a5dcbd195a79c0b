package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.monitoring.drift.domain.WindowSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The engine's topology in a {@link TopologyTestDriver}, with helpers to feed and read it. */
final class EngineFixture implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final TopologyTestDriver driver;
  final TestInputTopic<String, byte[]> telemetry;
  final TestInputTopic<String, byte[]> signals;
  final TestInputTopic<String, byte[]> versions;
  final TestOutputTopic<String, byte[]> results;
  final TestOutputTopic<String, byte[]> telemetryDlq;
  final TestOutputTopic<String, byte[]> signalsDlq;
  private final Path stateDir;

  EngineFixture(EngineSettings settings) {
    try {
      stateDir = Files.createTempDirectory("engine-test");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitoring-test-" + UUID.randomUUID());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(MonitoringTopology.build(settings, meters, "monitoring-test"), p, T0);
    StringSerializer ks = new StringSerializer();
    ByteArraySerializer vs = new ByteArraySerializer();
    telemetry = driver.createInputTopic(EngineTopics.TELEMETRY, ks, vs, T0, Duration.ZERO);
    signals = driver.createInputTopic(EngineTopics.DRIFT_SIGNALS, ks, vs, T0, Duration.ZERO);
    versions = driver.createInputTopic(EngineTopics.VERSIONS, ks, vs, T0, Duration.ZERO);
    StringDeserializer kd = new StringDeserializer();
    ByteArrayDeserializer vd = new ByteArrayDeserializer();
    results = driver.createOutputTopic(EngineTopics.RESULTS, kd, vd);
    telemetryDlq = driver.createOutputTopic(EngineTopics.TELEMETRY_DLQ, kd, vd);
    signalsDlq = driver.createOutputTopic(EngineTopics.DRIFT_SIGNALS_DLQ, kd, vd);
  }

  static EngineSettings settings(WindowSpec window) {
    return settings(window, 100);
  }

  static EngineSettings settings(WindowSpec window, long minSample) {
    return new EngineSettings(Map.of(), window, minSample, "1", Duration.ofMillis(100), Duration.ofSeconds(2),
        Duration.ZERO, Duration.ofDays(1), false);
  }

  void version(String model, int version, String tier, List<FeatureHistogram> profile, List<ObservedValue> baseline) {
    version(model, version, tier, profile, baseline, null);
  }

  /** A version whose tier's policy sets a window size ({@code window}; null: the configured window). */
  void version(String model, int version, String tier, List<FeatureHistogram> profile, List<ObservedValue> baseline,
      VersionConfig.PolicyWindow window) {
    versions.pipeInput(VersionConfig.key(model, version), EventJson.mapper().writeValueAsBytes(
        new VersionConfig(model, version, tier, 1, profile, baseline, window)));
  }

  static Headers headers(InputType type) {
    RecordHeaders h = new RecordHeaders();
    h.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    h.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    h.add("ce_source", "/test/producer".getBytes(StandardCharsets.UTF_8));
    h.add("ce_type", type.type().getBytes(StandardCharsets.UTF_8));
    h.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    return h;
  }

  void send(String key, InputType type, String json) {
    TestInputTopic<String, byte[]> topic = type == InputType.DRIFT_SIGNAL ? signals : telemetry;
    topic.pipeInput(new TestRecord<>(key, json.getBytes(StandardCharsets.UTF_8), headers(type), T0));
  }

  /** An observation with one numeric feature {@code x} (and optional extras) at {@code t}. */
  static String observation(String model, int version, Instant t, double x) {
    return "{\"modelName\":\"" + model + "\",\"version\":" + version + ",\"timestamp\":\"" + t
        + "\",\"features\":{\"x\":" + x + "}}";
  }

  void observe(String model, int version, Instant t, double x) {
    send(model, InputType.OBSERVATION, observation(model, version, t, x));
  }

  List<WindowResult> readResults() {
    return results.readValuesToList().stream().map(v -> EventJson.mapper().readValue(v, WindowResult.class)).toList();
  }

  void advance(Duration d) {
    driver.advanceWallClockTime(d);
  }

  @Override
  public void close() {
    driver.close();
    try (var files = Files.walk(stateDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (java.io.IOException ignored) {
      // a temp dir
    }
  }
}
