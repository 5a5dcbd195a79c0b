package io.gatehouse.monitoring;

import static io.gatehouse.monitoring.MonitoringIntegration.Reader.header;
import static io.gatehouse.monitoring.MonitoringIntegration.Reader.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.monitoring.drift.infra.EngineTopics;
import io.gatehouse.testsupport.ServiceIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on a real broker: a version becomes known from registry's and validation's
 * events; drifting telemetry on Kafka gives DriftDetected on gatehouse.monitoring.v1 (CloudEvents),
 * an unshifted window DriftResolved; Alertmanager's grouped notifications become signals; bad input
 * goes to the dead-letter topics; telemetry over REST is checked whole.
 */
@TestPropertySource(properties = {
    "gatehouse.monitoring.engine.config-refresh=200ms",
    "gatehouse.monitoring.engine.state-dir=",
    "gatehouse.monitoring.telemetry.max-batch=600"})
class MonitoringFlowIT extends ServiceIT {

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  static MonitoringIntegration kafka;
  static MonitoringIntegration.Reader published;
  final HttpClient http = HttpClient.newHttpClient();

  /** The window sizes of the policy the tests publish (the configured ones are an hour, or 5,000 to 10,000). */
  static final int WINDOW = 500;
  static final int CRITICAL_WINDOW = 300;

  @BeforeEach
  void connect() throws Exception {
    if (kafka == null) {
      kafka = new MonitoringIntegration(brokers);
      published = kafka.reader("gatehouse.monitoring.v1");
      // version 2 of the default policy, in force for every version here (none has a case): windows of 500
      // observations, 300 for CRITICAL; each test waits until the engine holds its version's window
      kafka.policy(2, java.util.Map.of("LOW", "{ observations: " + WINDOW + " }", "MEDIUM",
          "{ observations: " + WINDOW + " }", "HIGH", "{ observations: " + WINDOW + " }", "CRITICAL",
          "{ observations: " + CRITICAL_WINDOW + " }"));
    }
  }

  @AfterAll
  static void disconnect() {
    if (kafka != null) {
      published.close();
      kafka.close();
      kafka = null;
    }
  }

  private void awaitProfile(String model, int version) {
    awaitSettings(model, version, 1, WINDOW);
  }

  /**
   * Until the engine holds the version's latest settings (its global store, which is what the engine
   * reads: no telemetry of the version was looked up before, so no stale copy is cached), with the
   * reference profile and the window size of the published policy.
   */
  private void awaitSettings(String model, int version, int features, long window) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
      HttpResponse<String> r = get("/api/v1/models/" + model + "/versions/" + version + "/monitoring");
      JsonNode view = EventJson.mapper().readTree(r.body());
      return r.statusCode() == 200 && view.path("referenceProfile").path("features").size() == features
          && view.path("settings").path("engineUpToDate").asBoolean()
          && view.path("settings").path("window").path("sizeFrom").asString().equals("policy")
          && view.path("settings").path("window").path("observations").asLong() == window;
    });
  }

  @Test
  void driftingTelemetryOnKafkaIsDetectedAndAnUnshiftedWindowResolvesIt() throws Exception {
    kafka.knownVersion("credit-scorer", 1, "HIGH", MonitoringIntegration.PROFILE);
    awaitProfile("credit-scorer", 1);

    // 500 observations all in the top half of the reference range: PSI and KS far over act
    kafka.observations("credit-scorer", 1, 500, 5, 10, 1);
    kafka.flush();
    List<ConsumerRecord<String, byte[]>> detected = await().atMost(Duration.ofSeconds(60))
        .until(() -> of("DriftDetected", "credit-scorer"), l -> l.size() >= 2);
    JsonNode psi = detected.stream().map(MonitoringIntegration.Reader::json)
        .filter(j -> j.path("statistic").asString().equals("PSI")).findFirst().orElseThrow();
    assertThat(psi.path("modelName").asString()).isEqualTo("credit-scorer");
    assertThat(psi.path("feature").asString()).isEqualTo("x");
    assertThat(psi.path("severity").asString()).isEqualTo("ACT");
    assertThat(psi.path("threshold").asDouble()).isEqualTo(0.25);
    assertThat(psi.path("value").asDouble()).isGreaterThan(1.0);
    assertThat(psi.path("sampleSize").asLong()).isEqualTo(500);
    assertThat(psi.path("source").asString()).isEqualTo("gatehouse");
    ConsumerRecord<String, byte[]> record = detected.get(0);
    assertThat(record.key()).isEqualTo("credit-scorer");
    assertThat(header(record, "ce_source")).isEqualTo("/gatehouse/monitoring");
    assertThat(header(record, "ce_subject")).isEqualTo("models/credit-scorer/versions/1");
    assertThat(header(record, "ce_dataschema")).isEqualTo("urn:gatehouse:schema:io.gatehouse.monitoring.DriftDetected.v1");

    // the same distribution as the reference: every open signal resolves
    kafka.observations("credit-scorer", 1, 500, 0, 10, 2);
    kafka.flush();
    List<ConsumerRecord<String, byte[]>> resolved = await().atMost(Duration.ofSeconds(60))
        .until(() -> of("DriftResolved", "credit-scorer"), l -> l.size() >= 2);
    assertThat(resolved).extracting(r -> json(r).path("statistic").asString()).containsExactlyInAnyOrder("PSI", "KS");
    assertThat(of("DriftDetected", "credit-scorer")).as("no new detection").hasSize(2);

    JsonNode view = EventJson.mapper().readTree(get("/api/v1/models/credit-scorer/versions/1/monitoring").body());
    assertThat(view.path("riskTier").asString()).isEqualTo("HIGH");
    assertThat(view.path("recentWindows").size()).isEqualTo(2);
    assertThat(view.path("recentWindows").path(0).path("sampleSize").asLong()).isEqualTo(500);
  }

  @Test
  void aShiftedScoreAloneIsDetectedOnScoreInWindowsOfThePolicysSize() throws Exception {
    // CRITICAL: the published policy's window is 300 observations (configured: 5 minutes or 5,000)
    List<FeatureHistogram> profile = List.of(MonitoringIntegration.PROFILE.get(0), new FeatureHistogram("score",
        "numeric", List.of(0.0, 0.25, 0.5, 0.75, 1.0), List.of(), List.of(250L, 250L, 250L, 250L)));
    kafka.knownVersion("pricing", 4, "CRITICAL", profile);
    awaitSettings("pricing", 4, 2, CRITICAL_WINDOW);

    // x exactly as in the reference (30 per bin); the score piled into its top quarter
    scored("pricing", 4, 0, CRITICAL_WINDOW, i -> 0.8 + (i % 10) * 0.01);
    List<ConsumerRecord<String, byte[]>> detected = await().atMost(Duration.ofSeconds(60))
        .until(() -> of("DriftDetected", "pricing"), l -> l.size() >= 2);
    assertThat(detected).extracting(r -> json(r).path("feature").asString() + " " + json(r).path("statistic").asString()
        + " " + json(r).path("severity").asString()).containsExactlyInAnyOrder("score PSI ACT", "score KS ACT");
    assertThat(detected).allSatisfy(r -> assertThat(json(r).path("sampleSize").asLong()).isEqualTo(CRITICAL_WINDOW));

    // the score as in the reference (75 per bin): both signals resolve
    scored("pricing", 4, CRITICAL_WINDOW, 2 * CRITICAL_WINDOW, i -> 0.125 + 0.25 * (i % 4));
    List<ConsumerRecord<String, byte[]>> resolved = await().atMost(Duration.ofSeconds(60))
        .until(() -> of("DriftResolved", "pricing"), l -> l.size() >= 2);
    assertThat(resolved).extracting(r -> json(r).path("feature").asString()).containsOnly("score");
    // both windows were assessed (the resolutions come from the second): nothing on x, no other detection
    assertThat(of("DriftDetected", "pricing")).hasSize(2);
    JsonNode view = EventJson.mapper().readTree(get("/api/v1/models/pricing/versions/4/monitoring").body());
    assertThat(view.path("recentWindows").valueStream().map(w -> w.path("sampleSize").asLong()).toList())
        .containsExactly((long) CRITICAL_WINDOW, (long) CRITICAL_WINDOW);
  }

  /** Observations {@code from} to {@code to} (exclusive): x uniform over the reference's bins, and a score. */
  private static void scored(String model, int version, int from, int to, java.util.function.IntToDoubleFunction score) {
    java.time.Instant now = java.time.Instant.now();
    for (int i = from; i < to; i++) {
      kafka.send(InputType.Topics.TELEMETRY, model, InputType.OBSERVATION, "{\"modelName\":\"" + model
          + "\",\"version\":" + version + ",\"timestamp\":\"" + now.plusMillis(i) + "\",\"features\":{\"x\":"
          + (i % 10 + 0.5) + "},\"score\":" + score.applyAsDouble(i) + "}");
    }
    kafka.flush();
  }

  @Test
  void alertmanagerNotificationsFiringAndResolvedBecomeSignalsAlertByAlert() throws Exception {
    kafka.knownVersion("fraud-detector", 3, "MEDIUM", MonitoringIntegration.PROFILE);
    awaitProfile("fraud-detector", 3);
    MonitoringIntegration.Reader dlq = kafka.reader(EngineTopics.DRIFT_SIGNALS_DLQ);
    String firing = alertmanager("firing", "firing", "0001-01-01T00:00:00Z");
    HttpResponse<String> r = post("/api/v1/alertmanager/webhook", firing, "SERVICE");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode answer = EventJson.mapper().readTree(r.body());
    assertThat(answer.path("received").asInt()).isEqualTo(4);
    assertThat(answer.path("alerts").valueStream().map(a -> a.path("outcome").asString()).toList())
        .containsExactly("drift-firing", "performance-firing", "ignored", "dead-lettered");
    assertThat(answer.path("alerts").path(3).path("reason").asString()).isEqualTo("unknown-model");

    // Alertmanager repeats a firing notification every repeat_interval: no second signal
    assertThat(post("/api/v1/alertmanager/webhook", firing, "SERVICE").statusCode()).isEqualTo(200);

    List<ConsumerRecord<String, byte[]>> drift = await().atMost(Duration.ofSeconds(30))
        .until(() -> published.ofType("io.gatehouse.monitoring.DriftDetected.v1").stream()
            .filter(x -> json(x).path("source").asString().equals("alertmanager")).toList(), l -> !l.isEmpty());
    JsonNode d = json(drift.get(0));
    assertThat(d.path("modelName").asString()).isEqualTo("fraud-detector");
    assertThat(d.path("version").asInt()).isEqualTo(3);
    assertThat(d.path("feature").asString()).isEqualTo("amount");
    assertThat(d.path("statistic").asString()).isEqualTo("PSI");
    assertThat(d.path("value").asDouble()).isEqualTo(0.42);
    assertThat(d.path("threshold").asDouble()).isEqualTo(0.25);
    assertThat(d.path("severity").asString()).isEqualTo("ACT");
    assertThat(d.path("signalId").asString()).isEqualTo("alertmanager-a1b2c3d4e5f60718-1795341600");
    List<ConsumerRecord<String, byte[]>> perf = await().atMost(Duration.ofSeconds(30))
        .until(() -> published.ofType("io.gatehouse.monitoring.PerformanceDegraded.v1"), l -> !l.isEmpty());
    assertThat(json(perf.get(0)).path("metric").asString()).isEqualTo("roc_auc");
    assertThat(json(perf.get(0)).path("observed").asDouble()).isEqualTo(0.71);
    assertThat(json(perf.get(0)).path("expected").asDouble()).isEqualTo(0.86);

    List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(30)).until(dlq::poll, l -> !l.isEmpty());
    assertThat(header(dead.get(0), "gatehouse_dlq_code")).isEqualTo("unknown-model");
    assertThat(header(dead.get(0), "gatehouse_dlq_reason")).contains("no version 9 of model nobody");

    HttpResponse<String> resolvedAnswer = post("/api/v1/alertmanager/webhook",
        alertmanager("resolved", "resolved", "2026-12-01T11:00:00Z"), "PLATFORM");
    assertThat(resolvedAnswer.statusCode()).isEqualTo(200);
    List<ConsumerRecord<String, byte[]>> resolved = await().atMost(Duration.ofSeconds(30))
        .until(() -> published.ofType("io.gatehouse.monitoring.DriftResolved.v1").stream()
            .filter(x -> json(x).path("signalId").asString().startsWith("alertmanager-")).toList(), l -> !l.isEmpty());
    assertThat(json(resolved.get(0)).path("signalId").asString()).isEqualTo(d.path("signalId").asString());
    List<ConsumerRecord<String, byte[]>> recovered = await().atMost(Duration.ofSeconds(30))
        .until(() -> published.ofType("io.gatehouse.monitoring.PerformanceRecovered.v1"), l -> !l.isEmpty());
    assertThat(json(recovered.get(0)).path("signalId").asString()).isEqualTo(json(perf.get(0)).path("signalId").asString());
    assertThat(json(recovered.get(0)).path("metric").asString()).isEqualTo("roc_auc");
    // the repeated notification was handled before the resolved one (each answer came after its commands),
    // and the version's events reach Kafka in order on one partition: with DriftResolved read, a second
    // DriftDetected from the repeat would have been read already
    assertThat(published.ofType("io.gatehouse.monitoring.DriftDetected.v1").stream()
        .filter(x -> json(x).path("source").asString().equals("alertmanager")).toList()).as("one detection").hasSize(1);

    HttpResponse<String> garbage = post("/api/v1/alertmanager/webhook", "{\"version\":\"3\",\"alerts\":[]}", "SERVICE");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.headers().firstValue("content-type")).hasValueSatisfying(c -> assertThat(c).contains("problem+json"));
    dlq.close();
  }

  @Test
  void malformedAndUnknownTelemetryGoesToTheDeadLetterTopicAndTheEngineGoesOn() throws Exception {
    MonitoringIntegration.Reader dlq = kafka.reader(EngineTopics.TELEMETRY_DLQ);
    kafka.send(InputType.Topics.TELEMETRY, "ghost", InputType.OBSERVATION,
        MonitoringIntegration.observation("ghost", 1, java.time.Instant.now(), 1.0));
    kafka.send(InputType.Topics.TELEMETRY, "ghost", InputType.OBSERVATION, "{\"broken\":");
    kafka.flush();
    List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(60)).until(dlq::poll, l -> l.size() >= 2);
    assertThat(dead).extracting(x -> header(x, "gatehouse_dlq_code")).containsExactly("unknown-model", "bad-payload");
    assertThat(dead).extracting(x -> header(x, "gatehouse_dlq_consumer")).containsOnly("monitoring-service-engine");
    dlq.close();
    HttpResponse<String> metrics = get("/actuator/prometheus");
    assertThat(metrics.body()).contains("gatehouse_consumer_dead_letters_total{application=\"monitoring-service\",reason=\"unknown-model\",topic=\"gatehouse.telemetry.v1\"}");
  }

  @Test
  void telemetryOverRestIsCheckedWholeAndThenCounted() throws Exception {
    kafka.knownVersion("churn", 2, "LOW", MonitoringIntegration.PROFILE);
    awaitProfile("churn", 2);
    String now = java.time.Instant.now().toString();
    String good = "{\"modelName\":\"churn\",\"version\":2,\"timestamp\":\"" + now + "\",\"features\":{\"x\":9.5}}";
    String bad = "{\"modelName\":\"churn\",\"version\":2,\"features\":{\"x\":1}}";
    String unknown = "{\"modelName\":\"churn\",\"version\":7,\"timestamp\":\"" + now + "\",\"features\":{\"x\":1}}";
    HttpResponse<String> refused = post("/api/v1/telemetry", "{\"observations\":[" + good + "," + bad + "," + unknown + "]}",
        "PLATFORM");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    JsonNode p = EventJson.mapper().readTree(refused.body());
    assertThat(p.path("code").asString()).isEqualTo("telemetry-invalid");
    assertThat(p.path("errors").valueStream().map(e -> e.path("item").asString() + " " + e.path("code").asString()).toList())
        .containsExactly("observations[1] bad-payload", "observations[2] unknown-model");

    StringBuilder tooMany = new StringBuilder("{\"observations\":[");
    for (int i = 0; i < 601; i++) {
      tooMany.append(i == 0 ? "" : ",").append(good);
    }
    assertThat(post("/api/v1/telemetry", tooMany.append("]}").toString(), "PLATFORM").statusCode()).isEqualTo(413);

    StringBuilder batch = new StringBuilder("{\"observations\":[");
    for (int i = 0; i < 500; i++) {
      batch.append(i == 0 ? "" : ",").append(good);
    }
    HttpResponse<String> accepted = post("/api/v1/telemetry", batch.append("]}").toString(), "SERVICE");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(EventJson.mapper().readTree(accepted.body()).path("accepted").asInt()).isEqualTo(500);
    await().atMost(Duration.ofSeconds(60)).until(() -> published.ofType("io.gatehouse.monitoring.DriftDetected.v1")
        .stream().anyMatch(x -> json(x).path("modelName").asString().equals("churn")));

    HttpResponse<String> wrongBins = post("/api/v1/telemetry", "{\"histograms\":[{\"modelName\":\"churn\",\"version\":2,"
        + "\"windowStart\":\"2026-11-22T09:00:00Z\",\"windowEnd\":\"2026-11-22T10:00:00Z\",\"sampleSize\":30,"
        + "\"features\":[{\"feature\":\"x\",\"kind\":\"numeric\",\"counts\":[10,10,10]}]}]}", "PLATFORM");
    assertThat(wrongBins.statusCode()).as(wrongBins.body()).isEqualTo(422);
    assertThat(EventJson.mapper().readTree(wrongBins.body()).path("errors").path(0).path("code").asString())
        .isEqualTo("bins-mismatch");

    // a window the producer aggregated itself is judged as it comes
    HttpResponse<String> histogram = post("/api/v1/telemetry", "{\"histograms\":[{\"modelName\":\"churn\",\"version\":2,"
        + "\"windowStart\":\"2026-11-22T09:00:00Z\",\"windowEnd\":\"2026-11-22T10:00:00Z\",\"sampleSize\":1000,"
        + "\"features\":[{\"feature\":\"x\",\"kind\":\"numeric\",\"counts\":[100,100,100,100,100,100,100,100,100,100]}]}]}",
        "PLATFORM");
    assertThat(histogram.statusCode()).as(histogram.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> EventJson.mapper()
        .readTree(get("/api/v1/models/churn/versions/2/monitoring").body()).path("recentWindows").valueStream()
        .anyMatch(w -> w.path("closedBy").asString().equals("histogram") && w.path("sampleSize").asLong() == 1000));
    // the same distribution as the reference: the open signals of churn resolve
    await().atMost(Duration.ofSeconds(60)).until(() -> !of("DriftResolved", "churn").isEmpty());
  }

  /** A grouped notification: a drift alert and a performance alert of one version, one not about a model, one unknown. */
  private static String alertmanager(String groupStatus, String status, String endsAt) {
    return """
        {"version":"4","groupKey":"{}:{alertname=~\\"Model.*\\"}","truncatedAlerts":0,"status":"%1$s",
         "receiver":"gatehouse","groupLabels":{},"commonLabels":{},"commonAnnotations":{},
         "externalURL":"http://alertmanager:9093","alerts":[
          {"status":"%2$s","labels":{"alertname":"ModelFeatureDrift","model":"fraud-detector","version":"3",
             "feature":"amount","statistic":"psi","severity":"critical"},
           "annotations":{"value":"0.42","threshold":"0.25","sample_size":"12000"},
           "startsAt":"2026-11-22T10:00:00Z","endsAt":"%3$s","generatorURL":"http://prometheus/graph","fingerprint":"a1b2c3d4e5f60718"},
          {"status":"%2$s","labels":{"alertname":"ModelAucDrop","model":"fraud-detector","version":"3","metric":"roc_auc",
             "severity":"warning"},
           "annotations":{"value":"0.71","expected":"0.86","tolerance":"0.05"},
           "startsAt":"2026-11-22T10:00:00Z","endsAt":"%3$s","generatorURL":"http://prometheus/graph","fingerprint":"b1b2c3d4e5f60718"},
          {"status":"%2$s","labels":{"alertname":"HighLatency","service":"api"},"annotations":{},
           "startsAt":"2026-11-22T10:00:00Z","endsAt":"%3$s","fingerprint":"c1b2c3d4e5f60718"},
          {"status":"%2$s","labels":{"alertname":"ModelFeatureDrift","model":"nobody","version":"9","feature":"f","statistic":"KS"},
           "annotations":{"value":"0.3"},"startsAt":"2026-11-22T10:00:00Z","endsAt":"%3$s","fingerprint":"d1b2c3d4e5f60718"}
         ]}""".formatted(groupStatus, status, endsAt);
  }

  private static List<ConsumerRecord<String, byte[]>> of(String event, String model) {
    return published.ofType("io.gatehouse.monitoring." + event + ".v1").stream()
        .filter(r -> model.equals(r.key())).toList();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Authorization", "Bearer " + issuer.token("pat", "PLATFORM")).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String role) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("content-type", "application/json")
        .header("Authorization", "Bearer " + issuer.token("caller", role))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

}
