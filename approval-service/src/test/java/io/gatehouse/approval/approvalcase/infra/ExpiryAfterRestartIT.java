package io.gatehouse.approval.approvalcase.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.approval.ApprovalApplication;
import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.gatehouse.contracts.approval.ApprovalExpired;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.RecertificationDue;
import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.platform.kafka.CloudEventRecords;
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
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The approval's deadlines are persistent: approval-service approves a version (under a policy whose
 * approval lasts 40 seconds, with recertification due 30 seconds before expiry), is killed with
 * SIGKILL, and a fresh process announces RecertificationDue and then expires the approval.
 */
@EmbeddedKafka(partitions = 3)
class ExpiryAfterRestartIT {

  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static final TestIssuer issuer = TestIssuer.start();

  @TempDir
  static Path logs;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterAll
  static void stopIssuer() {
    issuer.close();
  }

  @Test
  void anApprovalExpiresOnTimeThoughTheServiceThatApprovedItWasKilled() throws Exception {
    EmbeddedKafkaBroker kafka = EmbeddedKafkaCondition.getBroker();
    int port = freePort();
    String caseId = CaseIds.of("short-lived", 1);
    try (ChildJvm first = service(kafka, port, logs.resolve("first.log"))) {
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
          .failFast("the first process died", () -> !first.isAlive())
          .ignoreExceptions().until(() -> publishPolicy(port).statusCode() == 201);
      send(kafka, new ModelVersionSubmitted("short-lived", 1, new ArtifactRef("s3://m/1", "a".repeat(64), 10), null,
          null, null, "LOW", "alice", List.of(), Instant.now()));
      send(kafka, new GatePassed("run-1", "short-lived", 1, "auc", "auc holds", List.of(new ObservedValue("roc_auc", 0.9)),
          "default", 2, "d".repeat(64), 1000, Instant.now()));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
          .until(() -> signOff(port, caseId).statusCode() == 202);
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> count(ModelApproved.class) == 1);
      first.kill();
    }
    assertThat(count(RecertificationDue.class)).as("killed before recertification was due").isZero();
    assertThat(count(ApprovalExpired.class)).isZero();

    try (ChildJvm second = service(kafka, port, logs.resolve("second.log"))) {
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
          .failFast("the second process died", () -> !second.isAlive())
          .until(() -> count(ApprovalExpired.class) == 1);
    }
    assertThat(count(RecertificationDue.class)).as("announced once").isEqualTo(1);
    assertThat(query("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = '" + caseId
        + "' ORDER BY sequence_number DESC LIMIT 2")).containsExactly(ApprovalExpired.class.getName(),
        RecertificationDue.class.getName());
  }

  private ChildJvm service(EmbeddedKafkaBroker kafka, int port, Path log) {
    return ChildJvm.start(ApprovalApplication.class.getName(),
        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        List.of("--spring.datasource.url=" + db.jdbcUrl(), "--server.port=" + port,
            "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
            "--gatehouse.security.issuer=" + issuer.issuer(), "--gatehouse.security.jwk-set-uri=" + issuer.jwksUri(),
            "--gatehouse.deadlines.polling-interval=PT0.5S"), log);
  }

  private HttpResponse<String> publishPolicy(int port) throws Exception {
    String v2 = """
        policy: default
        version: 2
        tiers:
          LOW:
            gates:
              - { id: auc, expr: "metrics.roc_auc >= 0.7" }
            signoffs: [ {role: ENGINEERING} ]
            approval_valid_for: PT40S
            recertify_before: PT30S
        """;
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/policies"))
        .header("content-type", "application/yaml").header("Authorization", "Bearer " + issuer.token("ada",
            "GOVERNANCE_ADMIN")).POST(HttpRequest.BodyPublishers.ofString(v2)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signOff(int port, String caseId) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + caseId
            + "/sign-offs")).header("content-type", "application/json")
        .header("Authorization", "Bearer " + issuer.token("erin", "ENGINEERING"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"ENGINEERING\",\"decision\":\"APPROVE\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void send(EmbeddedKafkaBroker kafka, Object event) {
    KafkaRecords.send(kafka.getBrokersAsString(), CloudEventRecords.toRecord(GenericEventMessage.asEventMessage(event)));
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static long count(Class<?> eventType) throws SQLException {
    return Long.parseLong(query("SELECT count(*) FROM domain_event_entry WHERE payload_type = '"
        + eventType.getName() + "'").get(0));
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> rows = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
