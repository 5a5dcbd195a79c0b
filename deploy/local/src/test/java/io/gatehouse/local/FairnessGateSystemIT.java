package io.gatehouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end across services, as processes: registry-service, validation-service and
 * approval-service (and the identity provider and a broker) on free ports and fresh databases. A
 * HIGH-tier version whose evaluation data meets every gate but the four-fifths rule (demographic
 * parity ratio 1/3) gets every sign-off and stays unapproved, waiting for that gate, and cannot be
 * promoted; the next version, on data where both groups are selected alike, is approved with the
 * same sign-offs. The gates are computed by validation-service from the files themselves.
 */
class FairnessGateSystemIT {

  @TempDir
  static Path state;
  @TempDir
  static Path data;

  static LocalStack stack;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static String idp;

  @BeforeAll
  static void startStack() throws Exception {
    LocalStack.Config config = TestSupport.systemConfig(state, "gh_fair_")
        .withServices(List.of("registry-service", "approval-service", "validation-service"))
        .withAppArgs("validation-service", "--gatehouse.validation.data-root=" + data)
        .withReadyTimeout(Duration.ofMinutes(4));
    stack = new LocalStack(config);
    stack.start();
    idp = stack.service(LocalStack.IDENTITY_PROVIDER).baseUrl();
  }

  @AfterAll
  static void stopStack() throws Exception {
    TestSupport.stopAndDropDatabases(stack);
  }

  /**
   * 2,000 predictions, calibrated and sharp (scores 0.99 and 0.01 are right 99 % of the time), in
   * groups a and b of 1,000 rows each; group a has 600 rows scored 0.99, group b {@code bHigh}.
   */
  static String predictions(int bHigh) {
    StringBuilder sb = new StringBuilder("y,pred,p,group,x\n");
    rows(sb, "a", 600);
    rows(sb, "b", bHigh);
    return sb.toString();
  }

  private static void rows(StringBuilder sb, String group, int high) {
    int low = 1000 - high;
    for (int i = 0; i < high; i++) {
      sb.append(i < high / 100 ? 0 : 1).append(",1,0.99,").append(group).append(',').append(i % 50).append('\n');
    }
    for (int i = 0; i < low; i++) {
      sb.append(i < low / 100 ? 1 : 0).append(",0,0.01,").append(group).append(',').append(i % 50).append('\n');
    }
  }

  @Test
  void aFailingFairnessGateBlocksApprovalUntilTheDataIsFair() throws Exception {
    String alice = DevTokens.fetch(idp, "alice");
    String registry = stack.service("registry-service").baseUrl();
    String approval = stack.service("approval-service").baseUrl();
    String validation = stack.service("validation-service").baseUrl();
    assertThat(post(registry + "/api/v1/models", alice, """
        {"name": "fair-check", "description": "loan decisions", "ownerTeam": "risk-ml", "tags": [],
         "riskProfile": {"domain": "credit", "affectsIndividuals": true, "fullyAutomatedDecision": true,
                         "publicFacing": false, "regulatedRegime": null}}""").statusCode()).isEqualTo(201);

    // version 1: group b is selected at 0.2, group a at 0.6: demographic parity ratio 1/3
    assertThat(submit(registry, alice, "unfair.csv", predictions(200))).isEqualTo(201);
    String case1 = caseId("fair-check", 1);
    String view = awaitCase(approval, case1, "\"gatesNotPassed\":[\"four-fifths\"]");
    assertThat(view).contains("\"status\":\"OPEN\"");
    String runs = get(validation + "/api/v1/models/fair-check/versions/1/runs", DevTokens.fetch(idp, "auditor")).body();
    assertThat(runs).contains("\"status\":\"DONE\"").contains("\"gatesPassed\":4").contains("\"gatesFailed\":1");
    String report = get(validation + "/api/v1/models/fair-check/versions/1/report", DevTokens.fetch(idp, "auditor")).body();
    assertThat(report).contains("\"demographic_parity_ratio\":0.333")
        .contains("\"id\":\"four-fifths\"");

    signOffAll(approval, case1);
    String afterSignOffs = awaitCase(approval, case1, "\"awaiting\":{}");
    assertThat(afterSignOffs).contains("\"status\":\"OPEN\"").contains("\"gatesNotPassed\":[\"four-fifths\"]");
    HttpResponse<String> promotion = post(approval + "/api/v1/models/fair-check/versions/1/promotions",
        DevTokens.fetch(idp, "platform"), "{\"stage\": \"production\"}");
    assertThat(promotion.statusCode()).isEqualTo(409);
    assertThat(promotion.body()).contains("not-approved").contains("four-fifths");

    // version 2: both groups selected at 0.6; every gate holds, the same sign-offs approve it
    assertThat(submit(registry, alice, "fair.csv", predictions(600))).isEqualTo(201);
    String case2 = caseId("fair-check", 2);
    awaitCase(approval, case2, "\"gatesNotPassed\":[]");
    signOffAll(approval, case2);
    awaitCase(approval, case2, "\"status\":\"APPROVED\"");
  }

  private int submit(String registry, String token, String file, String csv) throws Exception {
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    Files.write(data.resolve(file), bytes);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    HttpResponse<String> r = post(registry + "/api/v1/models/fair-check/versions", token, """
        {"artifact": {"uri": "s3://models/fair-check/model.onnx", "sha256": "%s", "sizeBytes": 1024},
         "modelCard": {"intendedUse": "loan pre-screening", "outOfScopeUse": "final decisions",
           "usersAffected": "applicants", "trainingData": "2019-2023 applications", "evaluationData": "2024 hold-out",
           "metrics": "roc_auc: 0.98", "fairnessConsiderations": "groups a and b", "limitations": "one market",
           "ethicalConsiderations": "human review of refusals", "owners": ["risk-ml"]},
         "evaluationData": {"uri": "%s", "sha256": "%s", "format": "csv",
           "columns": {"label": "y", "prediction": "pred", "score": "p", "groups": ["group"], "features": ["x"]}},
         "authors": ["alice"]}""".formatted("9".repeat(64), data.resolve(file).toUri(), sha));
    return r.statusCode();
  }

  private void signOffAll(String approval, String caseId) throws Exception {
    for (String[] s : new String[][] {{"eng", "ENGINEERING"}, {"product", "PRODUCT"}, {"legal", "LEGAL"},
        {"ethics", "ETHICS"}, {"risk1", "MODEL_RISK"}, {"risk2", "MODEL_RISK"}}) {
      HttpResponse<String> r = post(approval + "/api/v1/cases/" + caseId + "/sign-offs", DevTokens.fetch(idp, s[0]),
          "{\"role\": \"" + s[1] + "\", \"decision\": \"APPROVE\", \"comment\": \"reviewed\"}");
      assertThat(r.statusCode()).as(s[0] + ": " + r.body()).isEqualTo(202);
    }
  }

  private String awaitCase(String approval, String caseId, String expected) {
    String auditor = DevTokens.fetch(idp, "auditor");
    return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> get(approval + "/api/v1/cases/" + caseId, auditor).body(), body -> body.contains(expected));
  }

  /** approval-service's case id of a version (CaseIds.of). */
  static String caseId(String model, int version) {
    return UUID.nameUUIDFromBytes(("approval-case:" + model + ":" + version).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static HttpResponse<String> post(String url, String token, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
