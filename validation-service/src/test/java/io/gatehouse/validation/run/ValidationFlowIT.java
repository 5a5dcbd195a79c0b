package io.gatehouse.validation.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.contracts.GatehouseEvent;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.validation.GateFailed;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.contracts.validation.ValidationCompleted;
import io.gatehouse.contracts.validation.ValidationStarted;
import io.gatehouse.validation.ValidationIntegration;
import io.gatehouse.validation.evaluation.domain.CanonicalJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * From ModelVersionSubmitted on Kafka to GatePassed / GateFailed and ValidationCompleted on Kafka,
 * on the whole service (real PostgreSQL, a Kafka broker in the test JVM), with the real COMPAS data.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ValidationFlowIT extends ValidationIntegration {

  /** The COMPAS report of the standalone call in the READMEs; changes whenever the report's bytes do. */
  static final String README_COMPAS_REPORT_SHA256 = "77f3186f1f4983700f55a31d724ecdad04ee29d36f7afd019543fa8a8aea6716";

  @Test
  void aFairnessGateFailsOnCompasAndTheReportIsServedAndReproducible() throws Exception {
    submit("compas-medium", 1, "MEDIUM", compas(COMPAS_SHA256), FULL_CARD);
    List<GatehouseEvent> events = awaitCompleted("compas-medium", 1);
    assertThat(events.get(0)).isInstanceOf(ValidationStarted.class);
    ValidationStarted started = (ValidationStarted) events.get(0);
    assertThat(started.policyName()).isEqualTo("default");
    assertThat(started.policyVersion()).isEqualTo(1);
    assertThat(started.dataSha256()).isEqualTo(COMPAS_SHA256);
    // MEDIUM: auc (roc_auc >= 0.75) and four-fifths (demographic_parity_ratio >= 0.80) both fail on COMPAS
    GateFailed auc = (GateFailed) events.get(1);
    assertThat(auc.gateId()).isEqualTo("auc");
    assertThat(auc.observed()).singleElement().satisfies(o -> {
      assertThat(o.name()).isEqualTo("metrics.roc_auc");
      assertThat(o.value()).isBetween(0.70, 0.71);
    });
    GateFailed fairness = (GateFailed) events.get(2);
    assertThat(fairness.gateId()).isEqualTo("four-fifths");
    assertThat(fairness.expression()).isEqualTo("fairness.demographic_parity_ratio >= 0.80");
    ObservedValue dpr = fairness.observed().get(0);
    assertThat(dpr.name()).isEqualTo("fairness.demographic_parity_ratio");
    assertThat(dpr.value()).isLessThan(0.8);
    assertThat(fairness.reason()).startsWith("the expression is false with fairness.demographic_parity_ratio = ");
    assertThat(fairness.dataSha256()).isEqualTo(COMPAS_SHA256);
    assertThat(fairness.rowCount()).isEqualTo(7214);
    assertThat(fairness.policyVersion()).isEqualTo(1);
    ValidationCompleted done = (ValidationCompleted) events.get(3);
    assertThat(done.gatesPassed()).isZero();
    assertThat(done.gatesFailed()).isEqualTo(2);
    assertThat(done.referenceProfile()).extracting(h -> h.feature()).containsExactly("age", "priors_count", "score");
    assertThat(done.reportUri()).endsWith("/api/v1/runs/" + done.runId() + "/report");

    String auditor = issuer.token("auditor", "AUDITOR");
    HttpResponse<byte[]> report = getBytes("/api/v1/runs/" + done.runId() + "/report", auditor);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(CanonicalJson.sha256(report.body())).isEqualTo(done.reportSha256());
    assertThat(report.headers().firstValue("X-Report-Sha256")).contains(done.reportSha256());
    String json = new String(report.body(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"demographic_parity_ratio\":").contains("\"African-American\":")
        .contains("\"compared_groups\":[\"African-American\",\"Asian\",\"Caucasian\",\"Hispanic\",\"Other\"]");

    // re-run on request: the same data, mapping and policy give the byte-identical report
    HttpResponse<String> rerun = post("/api/v1/models/compas-medium/versions/1/runs",
        issuer.token("risk1", "MODEL_RISK"), "application/json", new byte[0]);
    assertThat(rerun.statusCode()).isEqualTo(202);
    List<GatehouseEvent> after = awaitCompleted("compas-medium", 2);
    ValidationCompleted second = (ValidationCompleted) after.get(after.size() - 1);
    assertThat(second.runId()).isNotEqualTo(done.runId());
    assertThat(second.reportSha256()).isEqualTo(done.reportSha256());
    assertThat(getBytes("/api/v1/models/compas-medium/versions/1/report", auditor).body()).isEqualTo(report.body());
    ValidationStarted rerunStart = (ValidationStarted) after.get(4);
    assertThat(rerunStart.startedBy()).isEqualTo("risk1");
  }

  @Test
  void aGateHoldsWhenTheDataMeetsIt() {
    submit("compas-low", 1, "LOW", compas(COMPAS_SHA256), FULL_CARD);
    List<GatehouseEvent> events = awaitCompleted("compas-low", 1);
    GatePassed auc = (GatePassed) events.get(1); // LOW: roc_auc >= 0.70, COMPAS has 0.702
    assertThat(auc.gateId()).isEqualTo("auc");
    assertThat(auc.observed().get(0).value()).isGreaterThanOrEqualTo(0.70);
    assertThat(((ValidationCompleted) events.get(2)).gatesPassed()).isEqualTo(1);
  }

  @Test
  void aDigestMismatchFailsEveryGateAndTrustsNoMetric() throws Exception {
    String wrong = "0".repeat(64);
    submit("compas-tampered", 1, "HIGH", compas(wrong), FULL_CARD);
    List<GatehouseEvent> events = awaitCompleted("compas-tampered", 1);
    List<GateFailed> failed = events.stream().filter(e -> e instanceof GateFailed).map(e -> (GateFailed) e).toList();
    assertThat(failed).extracting(GateFailed::gateId)
        .containsExactly("auc", "calibration", "four-fifths", "equalized-odds", "card-complete");
    assertThat(failed).allSatisfy(f -> {
      assertThat(f.reason()).contains("sha256 is " + COMPAS_SHA256 + ", not the declared " + wrong);
      assertThat(f.observed()).isEmpty();
      assertThat(f.dataSha256()).isEqualTo(COMPAS_SHA256);
      assertThat(f.rowCount()).isZero();
    });
    ValidationCompleted done = (ValidationCompleted) events.get(events.size() - 1);
    assertThat(done.referenceProfile()).isEmpty();
    String report = get("/api/v1/runs/" + done.runId() + "/report", issuer.token("eng", "ENGINEERING")).body();
    assertThat(report).contains("\"code\":\"data-sha256-mismatch\"").contains("\"metrics\":{}");
  }

  @Test
  void unreachableOrRefusedDataFailsEveryGateWithTheReason() throws Exception {
    submit("on-s3", 1, "LOW", new EvaluationDataRef("s3://bucket/preds.csv", COMPAS_SHA256, "csv", COMPAS_COLUMNS),
        FULL_CARD);
    submit("escape", 1, "LOW", new EvaluationDataRef(DATA_ROOT.resolve("../../etc/passwd").toUri().toString(),
        COMPAS_SHA256, "csv", COMPAS_COLUMNS), FULL_CARD);
    GateFailed s3 = (GateFailed) awaitCompleted("on-s3", 1).get(1);
    assertThat(s3.reason()).startsWith("s3: URIs are not yet supported");
    assertThat(s3.dataSha256()).isEqualTo(COMPAS_SHA256);
    GateFailed escape = (GateFailed) awaitCompleted("escape", 1).get(1);
    assertThat(escape.reason()).contains("lies outside the service's data root");
  }

  @Test
  void malformedDataFailsEveryGateAndNamesTheProblem() throws Exception {
    byte[] bad = "two_year_recid,score_text,decile_score,race,sex,age,priors_count\n1,\"High,3,a,b,30,1\n"
        .getBytes(StandardCharsets.UTF_8);
    Files.write(DATA_ROOT.resolve("bad.csv"), bad);
    submit("malformed", 1, "LOW", new EvaluationDataRef(DATA_ROOT.resolve("bad.csv").toUri().toString(),
        CanonicalJson.sha256(bad), "csv", COMPAS_COLUMNS), FULL_CARD);
    GateFailed f = (GateFailed) awaitCompleted("malformed", 1).get(1);
    assertThat(f.reason()).contains("never closed");
  }

  @Test
  void theStandaloneEndpointEvaluatesAnUploadedCsvAndRefusesBadInputWithAProblem() throws Exception {
    String eng = issuer.token("eng", "ENGINEERING");
    byte[] csv = Files.readAllBytes(COMPAS);
    // the call of the READMEs (root and validation-service): its report's sha256 is quoted there
    String q = "/api/v1/evaluations?label=two_year_recid&prediction=score_text%5BMedium,High%5D&score=decile_score"
        + "&group=race&group=sex&feature=age&feature=priors_count&tier=MEDIUM";
    HttpResponse<String> ok = post(q, eng, "text/csv", csv);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("X-Report-Sha256")).contains(CanonicalJson.sha256(
        ok.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(ok.headers().firstValue("X-Report-Sha256")).contains(README_COMPAS_REPORT_SHA256);
    assertThat(ok.headers().firstValue("X-Data-Sha256")).contains(COMPAS_SHA256);
    assertThat(ok.body()).contains("\"id\":\"four-fifths\"").contains("\"passed\":false");
    assertThat(post(q, eng, "text/csv", csv).body()).isEqualTo(ok.body()); // byte-identical

    HttpResponse<String> missing = post("/api/v1/evaluations?label=nope", eng, "text/csv", csv);
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(missing.headers().firstValue("content-type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(missing.body()).contains("\"code\":\"invalid-mapping\"");

    HttpResponse<String> column = post("/api/v1/evaluations?label=nope&prediction=score_text", eng, "text/csv", csv);
    assertThat(column.statusCode()).isEqualTo(422);
    assertThat(column.body()).contains("\"code\":\"column-not-found\"").contains("column 'nope' is not in the CSV header");

    HttpResponse<String> unclosed = post("/api/v1/evaluations?label=y&prediction=p", eng, "text/csv",
        "y,p\n1,\"0\n".getBytes(StandardCharsets.UTF_8));
    assertThat(unclosed.statusCode()).isEqualTo(422);
    assertThat(unclosed.body()).contains("\"code\":\"malformed-data\"");

    HttpResponse<String> wrongSha = post("/api/v1/evaluations?label=y&prediction=p&sha256=" + "0".repeat(64), eng,
        "text/csv", "y,p\n1,0\n".getBytes(StandardCharsets.UTF_8));
    assertThat(wrongSha.statusCode()).isEqualTo(422);
    assertThat(wrongSha.body()).contains("\"code\":\"data-sha256-mismatch\"");

    HttpResponse<String> unknownRun = get("/api/v1/runs/run-nope", eng);
    assertThat(unknownRun.statusCode()).isEqualTo(404);
    assertThat(unknownRun.body()).contains("\"code\":\"run-not-found\"");
  }

  @Test
  void aRunIsPublishedOnceEvenWhenTheSubmissionIsDeliveredTwice() throws Exception {
    var event = new io.gatehouse.contracts.registry.ModelVersionSubmitted("twice", 1,
        new io.gatehouse.contracts.registry.ArtifactRef("s3://m/twice", "a".repeat(64), 10), FULL_CARD, null,
        compas(COMPAS_SHA256), "LOW", "alice", List.of(), java.time.Instant.now());
    var message = org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event);
    var record = io.gatehouse.platform.kafka.CloudEventRecords.toRecord(message);
    io.gatehouse.testsupport.KafkaRecords.send(brokers, record);
    io.gatehouse.testsupport.KafkaRecords.send(brokers, record);
    awaitCompleted("twice", 1);
    // both deliveries consumed: a run requested by the second would be in the table by now
    io.gatehouse.testsupport.KafkaRecords.awaitConsumed(brokers, "validation-service", Duration.ofSeconds(30),
        record.topic());
    assertThat(jdbc.queryForObject("SELECT count(*) FROM validation_run WHERE model_name = 'twice'", Integer.class))
        .isEqualTo(1);
    assertThat(published("twice")).filteredOn(e -> e instanceof ValidationCompleted).hasSize(1);
  }

  @Test
  void aCardUpdateRunsTheGatesAgainAndTheCardGateThenHolds() {
    submit("carded", 1, "HIGH", compas(COMPAS_SHA256), null);
    List<GatehouseEvent> first = awaitCompleted("carded", 1);
    GateFailed card = first.stream().filter(e -> e instanceof GateFailed f && f.gateId().equals("card-complete"))
        .map(e -> (GateFailed) e).findFirst().orElseThrow();
    assertThat(card.observed()).containsExactly(new ObservedValue("size(card.missing_sections)", 10));
    send(new io.gatehouse.contracts.registry.ModelCardUpdated("carded", 1, 2, FULL_CARD, List.of(), "alice",
        java.time.Instant.now()));
    List<GatehouseEvent> second = awaitCompleted("carded", 2);
    GatePassed passed = second.stream().skip(first.size())
        .filter(e -> e instanceof GatePassed p && p.gateId().equals("card-complete"))
        .map(e -> (GatePassed) e).findFirst().orElseThrow();
    assertThat(passed.observed()).containsExactly(new ObservedValue("size(card.missing_sections)", 0));
  }

  @Test
  void evaluationDataGivenAfterASubmissionWithoutItIsEvaluatedAndTheGatesComputed() {
    submit("late-data", 1, "LOW", null, FULL_CARD);
    GateFailed none = (GateFailed) awaitCompleted("late-data", 1).get(1);
    assertThat(none.reason()).contains("no evaluation data was submitted");
    assertThat(none.observed()).isEmpty();
    send(new io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet("late-data", 1, compas(COMPAS_SHA256),
        "alice", java.time.Instant.now()));
    List<GatehouseEvent> events = awaitCompleted("late-data", 2);
    ValidationStarted started = (ValidationStarted) events.get(3);
    assertThat(started.dataSha256()).isEqualTo(COMPAS_SHA256);
    GatePassed auc = (GatePassed) events.get(4);
    assertThat(auc.gateId()).isEqualTo("auc");
    assertThat(auc.dataSha256()).isEqualTo(COMPAS_SHA256);
    assertThat(auc.observed().get(0).value()).isGreaterThanOrEqualTo(0.70);
  }

  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // publishes policy version 2: the other tests expect version 1
  void fetchesDataOverHttpAndRunsUnderThePolicyVersionApprovalPublished() throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    byte[] csv = Files.readAllBytes(COMPAS);
    server.createContext("/preds.csv", x -> {
      x.sendResponseHeaders(200, csv.length);
      try (var out = x.getResponseBody()) {
        out.write(csv);
      }
    });
    server.start();
    try {
      String v2 = new String(getClass().getResourceAsStream("/policies/default.yaml").readAllBytes(),
          StandardCharsets.UTF_8).replace("version: 1", "version: 2")
          .replace("- { id: auc, expr: \"metrics.roc_auc >= 0.70\" }",
              "- { id: auc, expr: \"metrics.roc_auc >= 0.70\" }\n      - { id: race-parity, expr: "
                  + "\"fairness.race.demographic_parity_ratio >= 0.8 && groups.race['Caucasian'].tpr > 0.5\" }")
          // MEDIUM gets a card gate and requires two sections only
          .replace("- { id: four-fifths, expr: \"fairness.demographic_parity_ratio >= 0.80\" }",
              "- { id: four-fifths, expr: \"fairness.demographic_parity_ratio >= 0.80\" }\n"
                  + "      - { id: card-complete, expr: \"size(card.missing_sections) == 0\" }")
          .replace("card: { required_sections: [intendedUse, trainingData, evaluationData, metrics, limitations, owners] }",
              "card: { required_sections: [intendedUse, evaluationData] }");
      send(new io.gatehouse.contracts.approval.PolicyPublished("default", 2, v2, "b".repeat(64), "admin",
          java.time.Instant.now()));
      // the policy and the submission travel on different topics: submit once version 2 is in force
      await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
          "SELECT count(*) FROM policy_version WHERE policy_name = 'default' AND policy_version = 2", Integer.class) == 1);
      submit("over-http", 1, "LOW", new EvaluationDataRef("http://127.0.0.1:" + server.getAddress().getPort()
          + "/preds.csv", COMPAS_SHA256, "csv", COMPAS_COLUMNS), FULL_CARD);
      List<GatehouseEvent> events = awaitCompleted("over-http", 1);
      assertThat(((ValidationStarted) events.get(0)).policyVersion()).isEqualTo(2);
      assertThat(events.get(1)).isInstanceOf(GatePassed.class);
      GateFailed parity = (GateFailed) events.get(2);
      assertThat(parity.gateId()).isEqualTo("race-parity");
      assertThat(parity.policyVersion()).isEqualTo(2);
      assertThat(parity.observed()).extracting(ObservedValue::name)
          .containsExactly("fairness.race.demographic_parity_ratio");

      // the card's gaps are counted against the sections version 2 requires of MEDIUM (the default
      // would also count the empty limitations), and a template placeholder is a gap
      io.gatehouse.contracts.registry.ModelCard card = new io.gatehouse.contracts.registry.ModelCard(
          "Pretrial risk", null, "Defendants", "Broward County 2013-2014", "[More Information Needed]",
          "AUC, selection rate", null, null, null, List.of("risk-ml"), List.of(), List.of());
      submit("medium-card", 1, "MEDIUM", compas(COMPAS_SHA256), card);
      GateFailed cardGate = awaitCompleted("medium-card", 1).stream()
          .filter(e -> e instanceof GateFailed f && f.gateId().equals("card-complete")).map(e -> (GateFailed) e)
          .findFirst().orElseThrow();
      assertThat(cardGate.policyVersion()).isEqualTo(2);
      assertThat(cardGate.observed()).containsExactly(new ObservedValue("size(card.missing_sections)", 1));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theStandaloneEndpointTakesMultipartAndJsonLines() throws Exception {
    String eng = issuer.token("eng", "ENGINEERING");
    String boundary = "gatehouse-boundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\ny,p,g\n1,0.9,a\n0,0.2,a\n1,0.4,b\n0,0.6,b\n\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n"
        + "Content-Type: application/json\r\n\r\n{\"label\":\"y\",\"score\":\"p\",\"groups\":[\"g\"]}\r\n"
        + "--" + boundary + "--\r\n";
    HttpResponse<String> multipart = post("/api/v1/evaluations", eng, "multipart/form-data; boundary=" + boundary,
        body.getBytes(StandardCharsets.UTF_8));
    assertThat(multipart.statusCode()).isEqualTo(200);
    assertThat(multipart.body()).contains("\"roc_auc\":0.75"); // 0.9 and 0.4 against 0.2 and 0.6: 3 of 4
    HttpResponse<String> jsonl = post("/api/v1/evaluations?label=y&score=p&group=g", eng, "application/x-ndjson",
        "{\"y\":1,\"p\":0.9,\"g\":\"a\"}\n{\"y\":0,\"p\":0.2,\"g\":\"a\"}\n{\"y\":1,\"p\":0.4,\"g\":\"b\"}\n{\"y\":0,\"p\":0.6,\"g\":\"b\"}\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(jsonl.statusCode()).isEqualTo(200);
    assertThat(jsonl.body()).contains("\"roc_auc\":0.75").contains("\"format\":\"jsonl\"");
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aRunWhoseWorkersKeptDyingCompletesWithEveryGateFailed() {
    submit("abandoned", 1, "LOW", compas(COMPAS_SHA256), FULL_CARD);
    awaitCompleted("abandoned", 1);
    // a run three workers took and never finished (each died): the next worker gives up on it
    jdbc.update("""
        INSERT INTO validation_run (run_id, model_name, version, trigger, requested_by, requested_at, status, attempts,
          claimed_at) VALUES ('run-abandoned', 'abandoned', 1, 'requested', 'risk1', now(), 'RUNNING', 3,
          now() - interval '1 day')""");
    List<GatehouseEvent> events = awaitCompleted("abandoned", 2);
    GateFailed f = (GateFailed) events.get(events.size() - 2);
    assertThat(f.runId()).isEqualTo("run-abandoned");
    assertThat(f.reason()).startsWith("the evaluation did not finish in 3 attempts");
  }
}
