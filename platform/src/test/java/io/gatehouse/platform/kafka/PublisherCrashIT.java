package io.gatehouse.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.platform.testapp.HaltAfterAcks;
import io.gatehouse.platform.testapp.TransportTestApp;
import io.gatehouse.testsupport.ChildJvm;
import io.gatehouse.testsupport.KafkaRecords;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kills the publishing service between the broker's acknowledgement and the commit of the
 * publisher's token (the JVM halts inside the producer's acknowledgement callback), restarts it, and
 * checks that every stored event reached Kafka and took effect exactly once at the consumer.
 */
class PublisherCrashIT {

  private static final String TOPIC = "gatehouse.registry.v1";
  private static final int BURST = 300;
  private static final int HALT_AFTER = 120;

  @RegisterExtension
  static PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  static EmbeddedKafkaKraftBroker kafka;

  @TempDir
  static Path logs;

  @BeforeAll
  static void startKafka() {
    kafka = new EmbeddedKafkaKraftBroker(1, 3);
    kafka.afterPropertiesSet();
  }

  @AfterAll
  static void stopKafka() {
    kafka.destroy();
  }

  @Test
  void everyStoredEventArrivesOnceInEffectAfterACrashBetweenAckAndTokenCommit() throws Exception {
    int exit;
    try (ChildJvm first = service(logs.resolve("first.log"),
        "--test.burst=" + BURST,
        "--spring.kafka.producer.properties.interceptor.classes=" + HaltAfterAcks.class.getName(),
        "--spring.kafka.producer.properties." + HaltAfterAcks.AFTER + "=" + HALT_AFTER)) {
      exit = first.awaitExit(Duration.ofMinutes(3));
      assertThat(first.log()).contains("HALTING after " + HALT_AFTER);
    }
    assertThat(exit).as("the first run died in the acknowledgement callback").isEqualTo(137);
    Set<String> storedAtCrash = storedEventIds();
    assertThat(storedAtCrash).hasSizeGreaterThanOrEqualTo(HALT_AFTER);

    try (ChildJvm second = service(logs.resolve("second.log"))) {
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
          .until(() -> query("SELECT count(*) FROM seen").get(0).equals(String.valueOf(storedAtCrash.size())));
    }

    List<ConsumerRecord<String, byte[]>> onTheWire = KafkaRecords.readAll(kafka.getBrokersAsString(), TOPIC,
        Duration.ofSeconds(2));
    Set<String> distinctOnTheWire = new HashSet<>();
    onTheWire.forEach(r -> distinctOnTheWire.add(KafkaRecords.header(r, "ce_id")));
    assertThat(distinctOnTheWire).as("nothing lost").isEqualTo(storedAtCrash);
    assertThat(onTheWire.size()).as("the crash made the publisher send some events again")
        .isGreaterThan(distinctOnTheWire.size());

    List<String> seen = query("SELECT event_id FROM seen");
    assertThat(seen).as("each event took effect once").hasSameSizeAs(new HashSet<>(seen));
    assertThat(new HashSet<>(seen)).isEqualTo(storedAtCrash);
  }

  private ChildJvm service(Path log, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + db.jdbcUrl(),
        "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
        "--server.port=0",
        // the child serves no requests in this test; the decoder only needs its settings
        "--gatehouse.security.issuer=http://127.0.0.1:1",
        "--gatehouse.security.jwk-set-uri=http://127.0.0.1:1/jwks"));
    args.addAll(List.of(extra));
    return ChildJvm.start(TransportTestApp.class.getName(),
        List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args, log);
  }

  private static Set<String> storedEventIds() throws SQLException {
    return new HashSet<>(query("SELECT event_identifier FROM domain_event_entry"));
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
