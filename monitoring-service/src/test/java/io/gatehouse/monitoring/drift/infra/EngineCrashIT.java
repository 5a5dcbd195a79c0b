package io.gatehouse.monitoring.drift.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.monitoring.MonitoringApplication;
import io.gatehouse.monitoring.MonitoringIntegration;
import io.gatehouse.monitoring.monitoredversion.infra.WindowResultListener;
import io.gatehouse.testsupport.ChildJvm;
import io.gatehouse.testsupport.KafkaRecords;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import io.gatehouse.testsupport.TestIssuer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * Kills monitoring-service (SIGKILL) in the middle of a window: observations keep arriving and
 * Kafka acknowledges them while it is dead; a fresh process with a fresh local state directory
 * restores the window from its changelog and goes on. The window, once full, counts every
 * acknowledged observation exactly once: none lost, none counted twice.
 */
class EngineCrashIT {

  private static final int WINDOW = 6_000;
  private static final String MODEL = "crash-scorer";

  @RegisterExtension
  static PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  static EmbeddedKafkaKraftBroker kafka;
  static final TestIssuer issuer = TestIssuer.start();

  @TempDir
  static Path dirs;

  @BeforeAll
  static void startKafka() {
    // one broker: the transaction log (exactly-once) must do with one replica
    kafka = new EmbeddedKafkaKraftBroker(1, 3);
    kafka.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
    kafka.afterPropertiesSet();
  }

  @AfterAll
  static void stop() {
    kafka.destroy();
    issuer.close();
  }

  @Test
  void noAcknowledgedObservationIsLostOrCountedTwiceWhenTheServiceIsKilledMidWindow() throws Exception {
    int port = freePort();
    AtomicInteger acknowledged = new AtomicInteger();
    try (MonitoringIntegration feed = new MonitoringIntegration(kafka.getBrokersAsString())) {
      // the window size comes from the tier's policy: LOW windows close at WINDOW observations or after an hour
      feed.policy(2, Map.of("LOW", "{ duration: PT1H, observations: " + WINDOW + " }"));
      feed.knownVersion(MODEL, 1, "LOW", MonitoringIntegration.PROFILE);
      // observations arrive steadily (about 3,000 a second) before, during and after the kill, so the
      // engine is killed with work in an open, uncommitted transaction
      Thread sender;
      long committedAtKill;
      int acknowledgedAtKill;
      try (ChildJvm first = service(port, "first")) {
        awaitEngineKnowsVersion(port, first);
        sender = new Thread(() -> {
          try {
            for (int from = 0; from < WINDOW; from += 100) {
              send(feed, from, from + 100, acknowledged);
              Thread.sleep(30);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        sender.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
            .failFast("the first process died", () -> !first.isAlive())
            .until(() -> committedTelemetry() >= 1_500);
        acknowledgedAtKill = acknowledged.get();
        first.kill();
      }
      committedAtKill = committedTelemetry();
      System.out.printf("killed with %d observations committed by the engine, %d acknowledged by Kafka%n",
          committedAtKill, acknowledgedAtKill);
      // the rest of the window arrives while the service is down: Kafka acknowledges it
      sender.join();
      feed.flush();
      assertThat(acknowledged.get()).isEqualTo(WINDOW);

      try (ChildJvm second = service(port, "second")) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
            .failFast("the second process died", () -> !second.isAlive())
            .until(() -> !query("SELECT sample_size FROM window_result WHERE model_name = '" + MODEL + "'").isEmpty());
        // every observation through the engine, then every result it wrote through the results
        // listener: a duplicate result, if there were one, has landed
        KafkaRecords.awaitConsumed(kafka.getBrokersAsString(), "monitoring-service-engine", Duration.ofMinutes(1),
            EngineTopics.TELEMETRY);
        KafkaRecords.awaitConsumed(kafka.getBrokersAsString(), WindowResultListener.CONSUMER, Duration.ofMinutes(1),
            EngineTopics.RESULTS);
        List<String> windows = query("SELECT sample_size FROM window_result WHERE model_name = '" + MODEL + "'");
        assertThat(windows).as("one window, holding every acknowledged observation once").containsExactly(
            String.valueOf(WINDOW));
        List<String> drift = query("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE payload_type = '"
            + DriftDetected.class.getName() + "'");
        assertThat(drift).isNotEmpty();
        assertThat(drift).allSatisfy(p -> assertThat(EventJson.mapper().readTree(p).path("sampleSize").asLong())
            .isEqualTo(WINDOW));
      }
      assertThat(committedAtKill).as("the kill came before the engine had the whole window").isLessThan(WINDOW);
      assertThat(acknowledgedAtKill).as("observations were arriving when it was killed").isLessThan(WINDOW);
    }
  }

  /** Observations i in [from, to), all above the reference's median: the window drifts. */
  private static void send(MonitoringIntegration feed, int from, int to, AtomicInteger acknowledged) throws Exception {
    List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = from; i < to; i++) {
      acks.add(feed.send(InputType.Topics.TELEMETRY, MODEL, InputType.OBSERVATION,
          MonitoringIntegration.observation(MODEL, 1, now, 5.0 + (i % 50) / 10.0)));
    }
    for (var a : acks) {
      a.get();
      acknowledged.incrementAndGet();
    }
  }

  /** Telemetry offsets the engine committed (its Kafka transactions), summed over partitions. */
  private static long committedTelemetry() throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
    try (Admin admin = Admin.create(p)) {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("monitoring-service-engine")
          .partitionsToOffsetAndMetadata().get();
      return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(InputType.Topics.TELEMETRY))
          .mapToLong(e -> e.getValue().offset()).sum();
    }
  }

  private void awaitEngineKnowsVersion(int port, ChildJvm child) {
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .failFast("the service died: " + child.logTail(30), () -> !child.isAlive())
        .until(() -> {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/api/v1/models/" + MODEL + "/versions/1/monitoring")).header("Authorization", "Bearer "
              + issuer.token("crash-test", "PLATFORM")).build(), HttpResponse.BodyHandlers.ofString());
          JsonNode view = EventJson.mapper().readTree(r.body());
          return r.statusCode() == 200 && view.path("settings").path("engineUpToDate").asBoolean()
              && view.path("referenceProfile").path("features").size() == 1
              && view.path("settings").path("window").path("observations").asLong() == WINDOW;
        });
  }

  private ChildJvm service(int port, String name) {
    return ChildJvm.start(MonitoringApplication.class.getName(),
        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        List.of("--spring.datasource.url=" + db.jdbcUrl(), "--server.port=" + port,
            "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
            "--gatehouse.security.issuer=" + issuer.issuer(), "--gatehouse.security.jwk-set-uri=" + issuer.jwksUri(),
            // a fresh local state directory: the window must come back from its changelog alone
            "--gatehouse.monitoring.engine.state-dir=" + dirs.resolve(name + "-state"),
            "--gatehouse.monitoring.engine.config-refresh=200ms"),
        Path.of("target", "engine-crash-it", name + ".log"));
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
