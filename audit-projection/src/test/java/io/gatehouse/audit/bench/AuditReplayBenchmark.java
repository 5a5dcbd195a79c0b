package io.gatehouse.audit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.AuditApplication;
import io.gatehouse.audit.auditlog.infra.AuditLogProofs;
import io.gatehouse.audit.verifier.Proofs;
import io.gatehouse.contracts.Service;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import io.gatehouse.testsupport.TestIssuer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit benchmark ({@code ./gatehouse-bench-audit}): a generated history of {@code bench.events}
 * events (default 1,000,000) on a Kafka broker in this JVM; raw consumer throughput over the same
 * records; the whole audit-projection (its real consumer, inbox, Merkle log and views, on the real
 * PostgreSQL) consuming them from the start; then proof generation, serving over HTTP and
 * verification at that size. Not part of the test suite: run it by name.
 */
class AuditReplayBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final StringBuilder report = new StringBuilder();

  private void say(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    System.out.println(line);
    report.append(line).append('\n');
  }

  @Test
  void replay() throws Exception {
    int n = Integer.getInteger("bench.events", 1_000_000);
    int proofsToTime = Integer.getInteger("bench.proofs", 20_000);
    List<String> topics = Arrays.stream(Service.values()).map(Service::topic).toList();
    say("== Gatehouse audit benchmark");
    say("machine: %d cores (%s), %d MiB max heap, Java %s, load average at start %.2f",
        Runtime.getRuntime().availableProcessors(), cpuModel(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    say("inputs: %,d events, seed 8, topics %s (3 partitions each), one broker in this JVM, PostgreSQL at 127.0.0.1",
        n, topics);

    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, topics.toArray(String[]::new));
    broker.brokerProperty("log.retention.bytes", "-1");
    broker.afterPropertiesSet();
    String bootstrap = broker.getBrokersAsString();
    PostgresDatabaseExtension db = new PostgresDatabaseExtension().create();
    TestIssuer issuer = TestIssuer.start();
    ConfigurableApplicationContext app = null;
    try {
      long t0 = System.nanoTime();
      List<ProducerRecord<String, byte[]>> records = HistoryGenerator.records(8, n);
      long bytes = records.stream().mapToLong(r -> r.value().length).sum();
      say("generated %,d events (%,d MiB of JSON, mean %d bytes) in %.1f s", n, bytes >> 20, bytes / n,
          secs(t0));

      t0 = System.nanoTime();
      produce(bootstrap, records);
      say("produced to Kafka (acks=all, 64 KiB batches, linger 10 ms): %,.0f events/s", n / secs(t0));
      records = null;

      t0 = System.nanoTime();
      long consumed = consumeRaw(bootstrap, topics, n);
      double rawRate = consumed / secs(t0);
      say("raw Kafka consumer (poll only, same records): %,.0f events/s", rawRate);

      t0 = System.nanoTime();
      // command-line arguments: they take precedence over application.yml (port 8085 and the local issuer)
      app = new SpringApplicationBuilder(AuditApplication.class).run(
          "--server.port=0",
          "--spring.datasource.url=" + db.jdbcUrl(),
          "--spring.kafka.bootstrap-servers=" + bootstrap,
          "--gatehouse.security.issuer=" + issuer.issuer(),
          "--gatehouse.security.jwk-set-uri=" + issuer.jwksUri(),
          "--gatehouse.audit.key-file=target/bench-checkpoint-key.pem",
          "--gatehouse.kafka.concurrency=" + Integer.getInteger("bench.concurrency", 4),
          "--spring.kafka.consumer.max-poll-records=" + Integer.getInteger("bench.poll", 1000),
          "--logging.level.root=WARN",
          "--management.metrics.distribution.percentiles.http.server.requests=0.5,0.99");
      double startup = secs(t0);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      CpuUse cpuBefore = CpuUse.now(jdbc);
      t0 = System.nanoTime();
      long lastReport = System.nanoTime();
      long size = 0;
      while (size < n) {
        Thread.sleep(200);
        size = jdbc.queryForObject("SELECT tree_size FROM merkle_head WHERE id = 1", Long.class);
        if (System.nanoTime() - lastReport > 10_000_000_000L) {
          System.out.printf(Locale.ROOT, "  ... %,d appended (%,.0f events/s)%n", size, size / secs(t0));
          lastReport = System.nanoTime();
        }
        if (secs(t0) > 3600) {
          throw new AssertionError("replay did not finish within an hour: " + size);
        }
      }
      double replay = secs(t0);
      CpuUse cpu = CpuUse.now(jdbc).minus(cpuBefore);
      say("audit-projection replay into the Merkle log and views (started in %.1f s): %,d events in %.1f s ="
          + " %,.0f events/s (%.0f %% of the raw consumer rate)", startup, n, replay, n / replay,
          100 * (n / replay) / rawRate);
      say("CPU per event during the replay: consumer threads %.1f us, the database's backends %.1f us (together"
          + " %.1f us: %,.0f events/s if both cores did only this)", cpu.consumerNanos / 1e3 / n,
          cpu.backendNanos / 1e3 / n, (cpu.consumerNanos + cpu.backendNanos) / 1e3 / n,
          2e9 * n / (cpu.consumerNanos + cpu.backendNanos));
      say("storage: %s", jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))",
          String.class));

      AuditLogProofs proofs = app.getBean(AuditLogProofs.class);
      Random random = new Random(8);
      long[] gen = new long[proofsToTime];
      long[] ver = new long[proofsToTime];
      byte[] root = proofs.consistency(n, n).secondRootHash();
      for (int i = 0; i < proofsToTime; i++) {
        long index = (long) (random.nextDouble() * n);
        long a = System.nanoTime();
        AuditLogProofs.Inclusion p = proofs.inclusion(index, (long) n);
        long b = System.nanoTime();
        Proofs.verifyInclusion(index, n, p.leafHash(), p.proof(), root);
        long c = System.nanoTime();
        gen[i] = b - a;
        ver[i] = c - b;
      }
      say("inclusion proof at %,d entries, in process (%,d random leaves, %d hashes each): generate median %s p99 %s;"
          + " verify median %s p99 %s", n, proofsToTime, proofs.inclusion(0, (long) n).proof().size(),
          ms(gen, 50), ms(gen, 99), ms(ver, 50), ms(ver, 99));

      long[] cgen = new long[proofsToTime / 4];
      long[] cver = new long[proofsToTime / 4];
      for (int i = 0; i < cgen.length; i++) {
        long m = 1 + (long) (random.nextDouble() * (n - 1));
        long a = System.nanoTime();
        AuditLogProofs.Consistency p = proofs.consistency(m, n);
        long b = System.nanoTime();
        Proofs.verifyConsistency(m, n, p.firstRootHash(), root, p.proof());
        long c = System.nanoTime();
        cgen[i] = b - a;
        cver[i] = c - b;
      }
      say("consistency proof to %,d entries (%,d random first sizes): generate median %s p99 %s; verify median %s"
          + " p99 %s", n, cgen.length, ms(cgen, 50), ms(cgen, 99), ms(cver, 50), ms(cver, 99));

      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      String token = issuer.token("bench", "AUDITOR");
      HttpClient http = HttpClient.newHttpClient();
      long[] served = new long[Math.min(proofsToTime, 10_000)];
      long[] startedAt = new long[served.length];
      int warmUp = Integer.getInteger("bench.warmup", 5000);
      for (int i = -warmUp; i < served.length; i++) { // the first ones warm up the server
        long index = (long) (random.nextDouble() * n);
        long a = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
            + "/api/v1/log/proofs/inclusion?index=" + index + "&treeSize=" + n))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        long b = System.nanoTime();
        assertThat(r.statusCode()).isEqualTo(200);
        if (i >= 0) {
          served[i] = b - a;
          startedAt[i] = a;
          if (i % 1000 == 0) {
            JsonNode p = JSON.readTree(r.body());
            List<byte[]> path = new ArrayList<>();
            p.get("proof").forEach(h -> path.add(Base64.getDecoder().decode(h.asString())));
            Proofs.verifyInclusion(index, n, Base64.getDecoder().decode(p.get("leafHash").asString()), path, root);
          }
        }
      }
      long under5 = Arrays.stream(served).filter(t -> t < 5_000_000).count();
      java.util.TreeMap<Long, Integer> slowBySecond = new java.util.TreeMap<>();
      for (int i = 0; i < served.length; i++) {
        if (served[i] >= 5_000_000) {
          slowBySecond.merge((startedAt[i] - startedAt[0]) / 1_000_000_000L, 1, Integer::sum);
        }
      }
      System.out.println("requests of 5 ms or more, by second of the measurement: " + slowBySecond);
      say("inclusion proof served over HTTP at %,d entries (%,d sequential requests with a bearer token, after"
          + " %,d warm-up), seen by the client: median %s p99 %s, %.2f %% under 5 ms", n, served.length, warmUp,
          ms(served, 50), ms(served, 99), 100.0 * under5 / served.length);
      io.micrometer.core.instrument.Timer timer = app.getBean(io.micrometer.core.instrument.MeterRegistry.class)
          .find("http.server.requests").tag("uri", "/api/v1/log/proofs/inclusion").timer();
      if (timer != null) {
        StringBuilder pv = new StringBuilder();
        for (var v : timer.takeSnapshot().percentileValues()) {
          pv.append(String.format(Locale.ROOT, " p%.0f %.3f ms", v.percentile() * 100,
              v.value(java.util.concurrent.TimeUnit.MILLISECONDS)));
        }
        say("  the same requests inside the service (Spring's http.server.requests timer, warm-up included):%s", pv);
      }
      say("load average at end %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      Files.writeString(Path.of("target/bench-audit.txt"), report.toString());
    } finally {
      if (app != null) {
        app.close();
      }
      broker.destroy();
      issuer.close();
      if (!Boolean.getBoolean("bench.keep-db")) {
        db.drop();
      } else {
        System.out.println("kept database " + db.name());
      }
    }
  }

  /**
   * CPU time used so far by the service's consumer threads (this JVM) and by the PostgreSQL backends
   * connected to the benchmark's database (from /proc; Linux only, else zero).
   */
  record CpuUse(long consumerNanos, long backendNanos, java.util.Map<Long, Long> backends) {

    static CpuUse now(JdbcTemplate jdbc) {
      java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long consumer = 0;
      for (java.lang.management.ThreadInfo t : threads.dumpAllThreads(false, false)) {
        if (t.getThreadName().startsWith("gatehouseInboundContainer")) {
          consumer += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
        }
      }
      java.util.Map<Long, Long> backends = new java.util.HashMap<>();
      for (Long pid : jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database()",
          Long.class)) {
        try {
          String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          backends.put(pid, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L); // 100 ticks/s
        } catch (Exception e) {
          // not Linux, or the backend is gone
        }
      }
      return new CpuUse(consumer, backends.values().stream().mapToLong(Long::longValue).sum(), backends);
    }

    /** The use since {@code before}; a backend that started in between counts from zero. */
    CpuUse minus(CpuUse before) {
      long b = 0;
      for (var e : backends.entrySet()) {
        b += e.getValue() - before.backends.getOrDefault(e.getKey(), 0L);
      }
      return new CpuUse(consumerNanos - before.consumerNanos, b, java.util.Map.of());
    }
  }

  private static void produce(String bootstrap, List<ProducerRecord<String, byte[]>> records) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    try (KafkaProducer<String, byte[]> producer =
             new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (ProducerRecord<String, byte[]> r : records) {
        producer.send(r);
      }
      producer.flush();
    }
  }

  private static long consumeRaw(String bootstrap, List<String> topics, long n) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    long count = 0;
    try (KafkaConsumer<String, byte[]> consumer =
             new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(topics);
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (count < n && System.nanoTime() < deadline) {
        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
        count += batch.count();
      }
    }
    return count;
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String ms(long[] nanos, int percentile) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int i = Math.min(s.length - 1, (int) Math.ceil(percentile / 100.0 * s.length) - 1);
    return String.format(Locale.ROOT, "%.3f ms", s[Math.max(0, i)] / 1e6);
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    } catch (Exception e) {
      return "unknown CPU";
    }
  }
}
