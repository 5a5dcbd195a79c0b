package io.gatehouse.validation;

import static org.awaitility.Awaitility.await;

import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.GatehouseEvent;
import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ColumnMapping;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.validation.ValidationCompleted;
import io.gatehouse.platform.kafka.CloudEventRecords;
import io.gatehouse.testsupport.KafkaRecords;
import io.gatehouse.testsupport.ServiceIT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What validation-service's integration tests share: a data root holding the COMPAS file, inputs on
 * Kafka, its published events read back, and REST calls with tokens.
 */
public abstract class ValidationIntegration extends ServiceIT {

  protected static final Path DATA_ROOT;
  protected static final Path COMPAS;
  protected static final String COMPAS_SHA256;

  static {
    try {
      DATA_ROOT = Files.createTempDirectory("gatehouse-validation-it");
      COMPAS = DATA_ROOT.resolve("compas-two-years.csv");
      try (InputStream in = ValidationIntegration.class.getResourceAsStream("/compas/compas-two-years.csv")) {
        Files.copy(in, COMPAS);
      }
      COMPAS_SHA256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(COMPAS)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void validationProperties(DynamicPropertyRegistry registry) {
    registry.add("gatehouse.validation.data-root", DATA_ROOT::toString);
    registry.add("gatehouse.validation.poll-interval", () -> "200ms");
  }

  @Value("${spring.embedded.kafka.brokers}")
  protected String brokers;
  protected final HttpClient http = HttpClient.newHttpClient();

  protected static final ColumnMapping COMPAS_COLUMNS = new ColumnMapping("two_year_recid", "score_text[Medium,High]",
      "decile_score", List.of("race", "sex"), List.of("age", "priors_count"));

  protected static final ModelCard FULL_CARD = new ModelCard("Pretrial risk", "Sentencing", "Defendants",
      "Broward County 2013-14", "Same", "roc_auc: 0.70", "ProPublica", "Only Broward", "Disparate error rates",
      List.of("risk-team"), List.of(), List.of());

  protected void send(GatehouseEvent event) {
    KafkaRecords.send(brokers, CloudEventRecords.toRecord(GenericEventMessage.asEventMessage(event)));
  }

  protected void submit(String model, int version, String tier, EvaluationDataRef data, ModelCard card) {
    send(new ModelVersionSubmitted(model, version, new ArtifactRef("s3://m/" + model, "a".repeat(64), 10), card, null,
        data, tier, "alice", List.of("bob"), Instant.now()));
  }

  protected static EvaluationDataRef compas(String sha256) {
    return new EvaluationDataRef(COMPAS.toUri().toString(), sha256, "csv", COMPAS_COLUMNS);
  }

  /** Every event of {@code model} published on gatehouse.validation.v1 so far, in order. */
  protected List<GatehouseEvent> published(String model) {
    return KafkaRecords.readAll(brokers, "gatehouse.validation.v1", Duration.ofMillis(700)).stream()
        .filter(r -> model.equals(r.key()))
        .map(ValidationIntegration::payload)
        .toList();
  }

  protected List<GatehouseEvent> awaitCompleted(String model, int completions) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
        .until(() -> published(model), events -> events.stream().filter(e -> e instanceof ValidationCompleted).count()
            >= completions);
  }

  static GatehouseEvent payload(ConsumerRecord<String, byte[]> r) {
    Class<? extends GatehouseEvent> type = EventCatalog.byType(KafkaRecords.header(r, "ce_type")).orElseThrow().javaType();
    return EventJson.mapper().readValue(r.value(), type);
  }

  protected HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<byte[]> getBytes(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  protected HttpResponse<String> post(String path, String token, String contentType, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
        .header("content-type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
