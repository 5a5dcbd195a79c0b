package io.gatehouse.audit;

import static org.awaitility.Awaitility.await;

import io.gatehouse.contracts.GatehouseEvent;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.platform.context.Acting;
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
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What audit-projection's integration tests share: events onto Kafka as services send them, and REST calls. */
@TestPropertySource(properties = {
    "gatehouse.audit.checkpoint.every-entries=4",
    "gatehouse.audit.checkpoint.interval=PT0.5S",
    "gatehouse.kafka.concurrency=3"})
public abstract class AuditIntegration extends ServiceIT {

  protected static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${spring.embedded.kafka.brokers}")
  protected String brokers;
  protected final HttpClient http = HttpClient.newHttpClient();

  protected ProducerRecord<String, byte[]> record(GatehouseEvent event, String actor) {
    EventMessage<?> m = GenericEventMessage.asEventMessage(event).andMetaData(Map.of(Acting.ACTOR, actor));
    return CloudEventRecords.toRecord(m);
  }

  protected void send(ProducerRecord<String, byte[]> record) {
    KafkaRecords.send(brokers, record);
  }

  /** Sends many records through one producer, in order, and waits for every acknowledgement. */
  protected void sendAll(List<ProducerRecord<String, byte[]>> records) {
    java.util.Properties p = new java.util.Properties();
    p.put("bootstrap.servers", brokers);
    p.put("acks", "all");
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(p,
        new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      records.forEach(producer::send);
      producer.flush();
    }
  }

  protected void send(GatehouseEvent event, String actor) {
    send(record(event, actor));
  }

  protected static ModelVersionSubmitted submitted(String model, int version) {
    return new ModelVersionSubmitted(model, version, new ArtifactRef("s3://m/" + model, "a".repeat(64), 10), null,
        null, null, "HIGH", "alice", List.of("bob"), Instant.parse("2026-11-22T10:00:00Z"));
  }

  protected static GatePassed gatePassed(String model, int version, String gate) {
    return new GatePassed("run-1", model, version, gate, gate + " holds", List.of(new ObservedValue("m", 0.91)),
        "default", 1, "d".repeat(64), 1000, Instant.parse("2026-11-22T10:05:00Z"));
  }

  protected static SignOffRecorded signOff(String model, int version, String signer, String role) {
    return new SignOffRecorded("case-" + model + "-" + version, model, version, role, signer, "Test " + signer,
        "APPROVE", "fine", Instant.parse("2026-11-22T11:00:00Z"));
  }

  protected HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> post(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  protected String auditor() {
    return issuer.token("auditor", "AUDITOR");
  }

  protected JsonNode getJson(String path) throws Exception {
    HttpResponse<String> r = get(path, auditor());
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  protected long treeSize() throws Exception {
    return getJson("/api/v1/log/entries?start=0&end=1").get("treeSize").asLong();
  }

  protected void awaitTreeSize(long size) {
    await().atMost(Duration.ofSeconds(60)).until(() -> treeSize() == size);
  }

  /** The latest checkpoint once it covers {@code size} entries. */
  protected String awaitCheckpoint(long size) {
    String[] note = new String[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      HttpResponse<String> r = get("/api/v1/log/checkpoint", auditor());
      note[0] = r.body();
      return r.statusCode() == 200 && r.body().split("\n")[1].equals(Long.toString(size));
    });
    return note[0];
  }
}
