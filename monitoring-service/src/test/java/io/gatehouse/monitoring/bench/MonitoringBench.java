package io.gatehouse.monitoring.bench;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.ValidationCompleted;
import io.gatehouse.monitoring.MonitoringApplication;
import io.gatehouse.monitoring.MonitoringIntegration;
import io.gatehouse.platform.kafka.CloudEventRecords;
import io.gatehouse.testsupport.ChildJvm;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import io.gatehouse.testsupport.TestIssuer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring benchmark. One run, on this machine:
 * <ol>
 *   <li>a Kafka broker (KRaft, in this JVM), a fresh PostgreSQL database, monitoring-service as a
 *       child JVM (the local stack's JVM options);
 *   <li><b>throughput</b>: a backlog of synthetic observations (5 features, score, prediction) for
 *       {@code --models} model versions is put on {@code gatehouse.telemetry.v1} while the service is
 *       stopped; the service is started and the engine's committed offsets are sampled: sustained
 *       observations/s between 10 % and 90 % of the backlog, and CPU seconds the service used;
 *   <li><b>raw Kafka</b>: a plain consumer reads the same backlog (no parsing), records/s;
 *   <li><b>delay</b>: live telemetry at {@code --rate}/s for a version whose tier has 5-second time
 *       windows (grace 0.5 s), alternately shifted and not, so each window ends in DriftDetected or
 *       DriftResolved; the delay is from the window's close (end + grace) to the event's arrival on
 *       {@code gatehouse.monitoring.v1}.
 * </ol>
 */
public final class MonitoringBench {

  static final List<FeatureHistogram> PROFILE = List.of(
      numeric("income", 0, 200_000), numeric("age", 18, 98), numeric("utilisation", 0, 1),
      new FeatureHistogram("channel", "categorical", List.of(), List.of("web", "branch", "phone", "partner"),
          List.of(600L, 200L, 150L, 50L)),
      new FeatureHistogram("region", "categorical", List.of(), List.of("north", "south", "east", "west"),
          List.of(250L, 250L, 250L, 250L)),
      numeric("score", 0, 1));

  static FeatureHistogram numeric(String name, double lo, double hi) {
    List<Double> edges = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      edges.add(lo + i * (hi - lo) / 10);
    }
    for (int i = 0; i < 10; i++) {
      counts.add(100L);
    }
    return new FeatureHistogram(name, "numeric", edges, List.of(), counts);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    long backlog = Long.parseLong(o.getOrDefault("observations", "2000000"));
    int models = Integer.parseInt(o.getOrDefault("models", "6"));
    int threads = Integer.parseInt(o.getOrDefault("engine-threads", "2"));
    int rate = Integer.parseInt(o.getOrDefault("rate", "20000"));
    int liveSeconds = Integer.parseInt(o.getOrDefault("live-seconds", "42"));
    String heap = o.getOrDefault("service-heap", "384m");
    String jfr = o.get("profile");
    String commit = o.getOrDefault("commit-interval", "500ms"); // a file: record the throughput phase with Java Flight Recorder
    Path work = Files.createTempDirectory("gatehouse-bench-monitoring-");

    System.out.println("== gatehouse-bench-monitoring ==");
    System.out.println("machine: " + machine());
    System.out.printf("inputs: backlog %,d observations over %d model versions (6 reference features, ~%d bytes each), "
        + "engine threads %d, commit interval %s, service heap %s; live phase %d observations/s for %d s, 5 s time windows, grace 0.5 s%n",
        backlog, models, observation("m", 1, 0, new SplittableRandom(1), false).length, threads, commit, heap, rate,
        liveSeconds);

    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
    kafka.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
    kafka.afterPropertiesSet();
    String brokers = kafka.getBrokersAsString();
    PostgresDatabaseExtension db = new PostgresDatabaseExtension().create();
    TestIssuer issuer = TestIssuer.start();
    int port = freePort();
    ChildJvm service = null;
    try (KafkaProducer<String, byte[]> producer = producer(brokers)) {
      createTopics(brokers);
      // 1. the service learns of every version (registry and validation events), then stops
      service = start(db, brokers, issuer, port, work, "setup", threads, heap, null, commit);
      // the window sizes come from the tier's policy: backlog windows (LOW) of 100,000 observations or an
      // hour, live windows (HIGH) of 5 seconds
      try (MonitoringIntegration feed = new MonitoringIntegration(brokers)) {
        feed.policy(2, Map.of("LOW", "{ duration: PT1H, observations: 100000 }", "HIGH", "{ duration: PT5S }"));
      }
      for (int m = 0; m < models; m++) {
        knownVersion(producer, "bench-" + m, 1, "LOW");
      }
      knownVersion(producer, "bench-live", 1, "HIGH");
      awaitEngine(issuer, port, service, "bench-live");
      for (int m = 0; m < models; m++) {
        awaitEngine(issuer, port, service, "bench-" + m);
      }
      service.close();
      service = null;

      // 2. the backlog, produced while the service is down
      long t0 = System.nanoTime();
      SplittableRandom random = new SplittableRandom(7);
      long ts = Instant.now().toEpochMilli();
      for (long i = 0; i < backlog; i++) {
        String model = "bench-" + (i % models);
        producer.send(record(model, observation(model, 1, ts, random, false)));
      }
      producer.flush();
      double produceSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("backlog produced: %,d observations in %.1f s (%,.0f/s, acks=all)%n", backlog, produceSeconds,
          backlog / produceSeconds);

      // 3. the engine works through it
      service = start(db, brokers, issuer, port, work, "throughput", threads, heap, jfr, commit);
      long target = backlog;
      List<long[]> samples = new ArrayList<>(); // {nanos, committed offsets, service cpu ticks}
      long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
      long committed = 0;
      while (committed < target && System.nanoTime() < deadline) {
        if (!service.isAlive()) {
          throw new IllegalStateException("the service died:\n" + service.logTail(40));
        }
        committed = committedTelemetry(brokers);
        samples.add(new long[] {System.nanoTime(), committed, cpuTicks(service)});
        Thread.sleep(250);
      }
      Result through = throughput(samples, target);
      System.out.printf("engine: %,.0f observations/s sustained (10%%-90%% of the backlog, %.1f s), %.2f CPU s per"
              + " 100k observations in the service (%.0f %% of one core)%n", through.rate, through.seconds,
          through.cpuPer100k, through.cpuShare * 100);

      // 4. raw Kafka consumer throughput on the same records, same machine, same run
      RawRate raw = rawConsumer(brokers, backlog);
      System.out.printf("raw Kafka consumer: %,.0f records/s (%,d records, %.1f s, no parsing) - engine at %.0f %% of it%n",
          raw.rate, raw.records, raw.seconds, 100 * through.rate / raw.rate);

      // 5. delay from window close to DriftDetected / DriftResolved
      Delay delay = live(brokers, producer, rate, liveSeconds);
      System.out.printf("window close (end + 0.5 s grace) to DriftDetected on Kafka: median %d ms, p99 %d ms, max %d ms"
          + " (%d events); to DriftResolved: median %d ms, p99 %d ms (%d events)%n", delay.detected.median(),
          delay.detected.p99(), delay.detected.max(), delay.detected.count(), delay.resolved.median(),
          delay.resolved.p99(), delay.resolved.count());
      System.out.println("inside the service (window closed in the engine -> assessment committed): "
          + assessmentDelay(issuer, port));
      boolean pass = through.rate >= 100_000 && delay.detected.count() > 0 && delay.detected.p99() <= 2000;
      System.out.printf("targets: >= 100,000 observations/s per instance: %s; DriftDetected within 2 s of window close"
          + " (p99): %s%n", through.rate >= 100_000 ? "met" : "NOT met",
          delay.detected.count() > 0 && delay.detected.p99() <= 2000 ? "met" : "NOT met");
      System.out.println("load after: " + Files.readString(Path.of("/proc/loadavg")).trim());
      System.out.println(pass ? "RESULT: targets met" : "RESULT: targets not met (figures above)");
    } finally {
      if (service != null) {
        service.close();
      }
      issuer.close();
      kafka.destroy();
      db.drop();
    }
  }

  record Result(double rate, double seconds, double cpuPer100k, double cpuShare) {}

  static Result throughput(List<long[]> samples, long target) {
    long[] from = null;
    long[] to = null;
    for (long[] s : samples) {
      if (from == null && s[1] >= target / 10) {
        from = s;
      }
      if (to == null && s[1] >= target * 9 / 10) {
        to = s;
      }
    }
    if (from == null || to == null || to == from) {
      throw new IllegalStateException("the engine did not get through the backlog: " + samples.get(samples.size() - 1)[1]);
    }
    double seconds = (to[0] - from[0]) / 1e9;
    double obs = to[1] - from[1];
    double cpu = (to[2] - from[2]) / 100.0; // clock ticks of 10 ms
    return new Result(obs / seconds, seconds, cpu / obs * 100_000, cpu / seconds);
  }

  record RawRate(double rate, long records, double seconds) {}

  static RawRate rawConsumer(String brokers, long expect) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    long n = 0;
    long start = 0;
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(InputType.Topics.TELEMETRY));
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (n < expect && System.nanoTime() < deadline) {
        ConsumerRecords<String, byte[]> batch = c.poll(Duration.ofMillis(500));
        if (start == 0 && !batch.isEmpty()) {
          start = System.nanoTime();
        }
        n += batch.count();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new RawRate(n / seconds, n, seconds);
  }

  record Stats(List<Long> values) {
    long median() {
      return values.isEmpty() ? -1 : values.get(values.size() / 2);
    }

    long p99() {
      return values.isEmpty() ? -1 : values.get(Math.min(values.size() - 1, (int) Math.ceil(values.size() * 0.99) - 1));
    }

    long max() {
      return values.isEmpty() ? -1 : values.get(values.size() - 1);
    }

    int count() {
      return values.size();
    }
  }

  record Delay(Stats detected, Stats resolved) {}

  /** Live telemetry in 5-second windows, shifted in every other window; delays of the resulting events. */
  static Delay live(String brokers, KafkaProducer<String, byte[]> producer, int rate, int seconds) throws Exception {
    List<Long> detected = Collections.synchronizedList(new ArrayList<>());
    List<Long> resolved = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    java.util.concurrent.CountDownLatch positioned = new java.util.concurrent.CountDownLatch(1);
    Thread reader = new Thread(() -> {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
      p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-events-" + UUID.randomUUID());
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      Set<String> seen = new HashSet<>();
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
        c.subscribe(List.of("gatehouse.monitoring.v1"), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(java.util.Collection<org.apache.kafka.common.TopicPartition> parts) {}

          @Override
          public void onPartitionsAssigned(java.util.Collection<org.apache.kafka.common.TopicPartition> parts) {
            parts.forEach(c::position); // "latest" resolved now: every event from here on is read
            positioned.countDown();
          }
        });
        while (!stop.get()) {
          for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(20))) {
            long arrived = System.currentTimeMillis();
            if (!"bench-live".equals(r.key())) {
              continue;
            }
            JsonNode e = EventJson.mapper().readTree(r.value());
            String ce = new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
            if (!seen.add(ce)) {
              continue; // a re-sent event
            }
            long close = Instant.parse(e.path("windowEnd").asString()).toEpochMilli() + 500;
            String type = new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
            (type.contains("DriftDetected") ? detected : resolved).add(arrived - close);
          }
        }
      }
    });
    reader.start();
    if (!positioned.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("the event reader got no partitions of gatehouse.monitoring.v1 in 30 s");
    }
    SplittableRandom random = new SplittableRandom(11);
    long start = System.currentTimeMillis();
    long sent = 0;
    while (System.currentTimeMillis() - start < seconds * 1000L) {
      long now = System.currentTimeMillis();
      long due = (now - start) * rate / 1000;
      boolean shifted = (now / 5000) % 2 == 0;
      for (; sent < due; sent++) {
        producer.send(record("bench-live", observation("bench-live", 1, now, random, shifted)));
      }
      Thread.sleep(2);
    }
    producer.flush();
    Thread.sleep(4000); // the last window closes after its grace, and idle time
    stop.set(true);
    reader.join();
    List<Long> d = new ArrayList<>(detected);
    List<Long> r = new ArrayList<>(resolved);
    Collections.sort(d);
    Collections.sort(r);
    return new Delay(new Stats(d), new Stats(r));
  }

  static byte[] observation(String model, int version, long ts, SplittableRandom r, boolean shifted) {
    double shift = shifted ? 0.35 : 0;
    String channel = r.nextDouble() < (shifted ? 0.3 : 0.6) ? "web" : r.nextBoolean() ? "branch" : "phone";
    String json = String.format(Locale.ROOT, "{\"modelName\":\"%s\",\"version\":%d,\"timestamp\":\"%s\",\"features\":"
            + "{\"income\":%.2f,\"age\":%d,\"utilisation\":%.4f,\"channel\":\"%s\",\"region\":\"%s\"},"
            + "\"prediction\":%d,\"score\":%.4f}", model, version, Instant.ofEpochMilli(ts),
        Math.min(200_000, (r.nextDouble() + shift) * 200_000), 18 + (int) (r.nextDouble() * 80),
        Math.min(1, r.nextDouble() + shift), channel, List.of("north", "south", "east", "west").get(r.nextInt(4)),
        r.nextInt(2), Math.min(1, r.nextDouble() + shift));
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static ProducerRecord<String, byte[]> record(String model, byte[] json) {
    RecordHeaders h = new RecordHeaders();
    h.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    h.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    h.add("ce_source", "/bench/collector".getBytes(StandardCharsets.UTF_8));
    h.add("ce_type", InputType.OBSERVATION.type().getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(InputType.Topics.TELEMETRY, null, model, json, h);
  }

  static void knownVersion(KafkaProducer<String, byte[]> producer, String model, int version, String tier)
      throws Exception {
    producer.send(CloudEventRecords.toRecord(GenericEventMessage.asEventMessage(new ModelVersionSubmitted(model, version,
        new ArtifactRef("s3://bench/" + model, "a".repeat(64), 1), null, null, null, tier, "bench", List.of("bench"),
        Instant.now())))).get();
    producer.send(CloudEventRecords.toRecord(GenericEventMessage.asEventMessage(new ValidationCompleted("bench-run", model,
        version, 1, 0, "s3://bench/report", "b".repeat(64), PROFILE, "c".repeat(64), 1000, Instant.now())))).get();
  }

  static void awaitEngine(TestIssuer issuer, int port, ChildJvm service, String model) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new IllegalStateException("the service died:\n" + service.logTail(40));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/v1/models/" + model + "/versions/1/monitoring")).header("Authorization", "Bearer "
            + issuer.token("bench", "PLATFORM")).build(), HttpResponse.BodyHandlers.ofString());
        tools.jackson.databind.JsonNode view = EventJson.mapper().readTree(r.body());
        if (r.statusCode() == 200 && view.path("settings").path("engineUpToDate").asBoolean()
            && view.path("referenceProfile").path("features").size() == PROFILE.size()
            && view.path("settings").path("window").path("sizeFrom").asString().equals("policy")) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the engine never learnt of " + model);
  }

  /** The service's own timer from a window's close in the engine to its assessment (Prometheus summary). */
  static String assessmentDelay(TestIssuer issuer, int port) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/actuator/prometheus")).header("Authorization", "Bearer " + issuer.token("bench", "PLATFORM")).build(),
        HttpResponse.BodyHandlers.ofString());
    double count = 0;
    double sum = 0;
    double max = 0;
    for (String line : r.body().lines().toList()) {
      if (line.startsWith("gatehouse_monitoring_window_assessment_delay_seconds_count")) {
        count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } else if (line.startsWith("gatehouse_monitoring_window_assessment_delay_seconds_sum")) {
        sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } else if (line.startsWith("gatehouse_monitoring_window_assessment_delay_seconds_max")) {
        max = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return String.format(Locale.ROOT, "%d windows, mean %.0f ms, max %.0f ms", (long) count,
        count == 0 ? 0 : sum / count * 1000, max * 1000);
  }

  static ChildJvm start(PostgresDatabaseExtension db, String brokers, TestIssuer issuer, int port, Path work, String name,
      int threads, String heap, String jfr, String commit) {
    Path log = work.resolve(name + ".log");
    System.out.println("service log: " + log);
    List<String> jvm = new ArrayList<>(List.of("-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC"));
    if (jfr != null) {
      jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
    }
    return ChildJvm.start(MonitoringApplication.class.getName(), jvm,
        List.of("--spring.datasource.url=" + db.jdbcUrl(), "--server.port=" + port,
            "--spring.kafka.bootstrap-servers=" + brokers,
            "--gatehouse.security.issuer=" + issuer.issuer(), "--gatehouse.security.jwk-set-uri=" + issuer.jwksUri(),
            "--gatehouse.monitoring.engine.state-dir=" + work.resolve("state-" + name),
            "--gatehouse.monitoring.engine.threads=" + threads,
            "--gatehouse.monitoring.engine.commit-interval=" + commit,
            "--gatehouse.monitoring.engine.idle-timeout=PT1S",
            "--gatehouse.monitoring.windows.HIGH.grace=PT0.5S", // the size is the policy's (above)
            "--logging.level.root=WARN"), log);
  }

  static void createTopics(String brokers) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(InputType.Topics.TELEMETRY, 3, (short) 1))).all().get();
    }
  }

  static long committedTelemetry(String brokers) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    try (Admin admin = Admin.create(p)) {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("monitoring-service-engine")
          .partitionsToOffsetAndMetadata().get();
      return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(InputType.Topics.TELEMETRY))
          .mapToLong(e -> e.getValue().offset()).sum();
    }
  }

  /** utime + stime of the service process and its threads, in clock ticks (1/100 s). */
  static long cpuTicks(ChildJvm service) {
    try {
      long pid = service.pid();
      String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (Exception e) {
      return 0;
    }
  }

  static KafkaProducer<String, byte[]> producer(String brokers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  static String machine() throws Exception {
    String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    return Runtime.getRuntime().availableProcessors() + " cores (" + model + "), "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MB bench heap, Java " + System.getProperty("java.version")
        + ", load before: " + Files.readString(Path.of("/proc/loadavg")).trim();
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("options are --name=value: " + a);
      }
      o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    return o;
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
