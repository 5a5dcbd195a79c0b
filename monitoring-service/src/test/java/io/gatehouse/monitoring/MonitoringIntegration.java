package io.gatehouse.monitoring;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.approval.PolicyPublished;
import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.ValidationCompleted;
import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.platform.kafka.CloudEventRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericEventMessage;

/** Feeding monitoring-service through Kafka in tests, and reading what it publishes. */
public final class MonitoringIntegration implements AutoCloseable {

  /** Feature x's reference: ten bins on [0, 10], 10 % each. */
  public static final List<FeatureHistogram> PROFILE = List.of(new FeatureHistogram("x", "numeric",
      List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), List.of(),
      List.of(100L, 100L, 100L, 100L, 100L, 100L, 100L, 100L, 100L, 100L)));

  private final String bootstrap;
  private final KafkaProducer<String, byte[]> producer;

  public MonitoringIntegration(String bootstrap) {
    this.bootstrap = bootstrap;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** Registry's submission and validation's reference profile, as those services publish them. */
  public void knownVersion(String model, int version, String tier, List<FeatureHistogram> profile) throws Exception {
    event(new ModelVersionSubmitted(model, version, new ArtifactRef("s3://m/" + version, "a".repeat(64), 10), null, null,
        null, tier, "alice", List.of("alice"), Instant.now()));
    event(new ValidationCompleted("run-" + model + "-" + version, model, version, 5, 0, "s3://r", "b".repeat(64),
        profile, "c".repeat(64), 1000, Instant.now()));
  }

  /**
   * approval-service's {@code PolicyPublished} of version {@code version} of the default policy: the
   * shipped document with the drift window of some tiers replaced ({@code windows}: tier to a YAML
   * flow mapping such as {@code "{ observations: 500 }"}).
   */
  public void policy(int version, java.util.Map<String, String> windows) throws Exception {
    String shipped;
    try (java.io.InputStream in = MonitoringIntegration.class.getResourceAsStream("/policies/default.yaml")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder doc = new StringBuilder();
    String tier = null;
    for (String line : shipped.split("\n", -1)) {
      if (line.matches("  [A-Z]+:")) {
        tier = line.trim().replace(":", "");
      } else if (line.startsWith("version:")) {
        line = "version: " + version;
      } else if (line.trim().startsWith("drift:") && windows.containsKey(tier)) {
        line = line.replaceFirst("window: \\{[^}]*}", "window: " + windows.get(tier));
      }
      doc.append(line).append('\n');
    }
    String document = doc.substring(0, doc.length() - 1);
    String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(document.getBytes(StandardCharsets.UTF_8)));
    event(new PolicyPublished("default", version, document, sha256, "governance-admin", Instant.now()));
  }

  public void event(Object event) throws Exception {
    producer.send(CloudEventRecords.toRecord(GenericEventMessage.asEventMessage(event))).get();
  }

  public static RecordHeaders headers(InputType type) {
    RecordHeaders h = new RecordHeaders();
    h.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    h.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    h.add("ce_source", "/test/collector".getBytes(StandardCharsets.UTF_8));
    h.add("ce_type", type.type().getBytes(StandardCharsets.UTF_8));
    h.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    return h;
  }

  public static String observation(String model, int version, Instant at, double x) {
    return "{\"modelName\":\"" + model + "\",\"version\":" + version + ",\"timestamp\":\"" + at
        + "\",\"features\":{\"x\":" + x + "}}";
  }

  /** Sends records without waiting; {@link #flush} waits for every acknowledgement. */
  public Future<RecordMetadata> send(String topic, String key, InputType type, String json) {
    return producer.send(new ProducerRecord<>(topic, null, key, json.getBytes(StandardCharsets.UTF_8), headers(type)));
  }

  /** {@code n} observations of x for a version: uniform on [lo, hi). */
  public List<Future<RecordMetadata>> observations(String model, int version, int n, double lo, double hi, long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      acks.add(send(InputType.Topics.TELEMETRY, model, InputType.OBSERVATION,
          observation(model, version, now, lo + r.nextDouble() * (hi - lo))));
    }
    return acks;
  }

  public void flush() {
    producer.flush();
  }

  /** A reader of a topic from its beginning. */
  public Reader reader(String topic) {
    return new Reader(bootstrap, topic);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  /** Reads a topic from the beginning, keeping everything read. */
  public static final class Reader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    Reader(String bootstrap, String topic) {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
      consumer.subscribe(List.of(topic));
    }

    public List<ConsumerRecord<String, byte[]>> poll() {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      return seen;
    }

    public static String header(ConsumerRecord<?, ?> r, String name) {
      var h = r.headers().lastHeader(name);
      return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static tools.jackson.databind.JsonNode json(ConsumerRecord<?, byte[]> r) {
      return EventJson.mapper().readTree(r.value());
    }

    /** Records of a CloudEvents type. */
    public List<ConsumerRecord<String, byte[]>> ofType(String type) {
      return poll().stream().filter(r -> type.equals(header(r, "ce_type"))).toList();
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
