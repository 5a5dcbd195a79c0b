package io.gatehouse.approval;

import static org.awaitility.Awaitility.await;

import io.gatehouse.contracts.GatehouseEvent;
import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.platform.kafka.CloudEventRecords;
import io.gatehouse.testsupport.KafkaRecords;
import io.gatehouse.testsupport.ServiceIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;

/** What approval-service's integration tests share: inputs on Kafka and calls to its REST API with tokens. */
public abstract class ApprovalIntegration extends ServiceIT {

  @Value("${spring.embedded.kafka.brokers}")
  protected String brokers;
  protected final HttpClient http = HttpClient.newHttpClient();

  protected static final List<String> HIGH_GATES =
      List.of("auc", "calibration", "four-fifths", "equalized-odds", "card-complete");

  protected void send(GatehouseEvent event) {
    KafkaRecords.send(brokers, CloudEventRecords.toRecord(GenericEventMessage.asEventMessage(event)));
  }

  protected void submit(String model, int version) {
    submit(model, version, "HIGH", "a".repeat(64));
  }

  protected void submit(String model, int version, String tier, String sha256) {
    send(new ModelVersionSubmitted(model, version, new ArtifactRef("s3://m/" + model, sha256, 10), null, null, null,
        tier, "alice", List.of("bob"), Instant.now()));
  }

  protected void gatePassed(String model, int version, String gate) {
    send(new GatePassed("run-1", model, version, gate, gate + " holds", List.of(new ObservedValue("metric", 0.9)),
        "default", 1, "d".repeat(64), 1000, Instant.now()));
  }

  protected HttpResponse<String> signOff(String caseId, String who, String role, String decision, String... heldRoles)
      throws Exception {
    String token = heldRoles.length == 0 ? issuer.token(who, role) : issuer.token(who, heldRoles);
    return post("/api/v1/cases/" + caseId + "/sign-offs", token,
        "{\"role\":\"" + role + "\",\"decision\":\"" + decision + "\",\"comment\":\"ok\"}");
  }

  protected HttpResponse<String> post(String path, String token, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("content-type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  protected String case_(String caseId) throws Exception {
    HttpResponse<String> r = get("/api/v1/cases/" + caseId, issuer.token("auditor", "AUDITOR"));
    return r.statusCode() == 200 ? r.body() : "";
  }

  protected void awaitStatus(String caseId, String status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> case_(caseId).contains("\"status\":\"" + status + "\""));
  }

  protected void awaitGatesPassed(String caseId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> case_(caseId).contains("\"gatesNotPassed\":[]"));
  }

  protected long onKafka(String model, String ceType) {
    return KafkaRecords.readAll(brokers, "gatehouse.approval.v1", Duration.ofSeconds(2)).stream()
        .filter(r -> model.equals(r.key()))
        .filter(r -> ceType.equals(KafkaRecords.header(r, "ce_type")))
        .count();
  }
}
