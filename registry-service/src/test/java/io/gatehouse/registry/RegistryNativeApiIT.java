package io.gatehouse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.registry.modelview.RegistryViewProjection;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The native API against the running service: registration, submission, cards, bad input, concurrency. */
class RegistryNativeApiIT extends RegistryIntegration {

  private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private static String model(String name) {
    return """
        {"name": "%s", "description": "Scores loans", "ownerTeam": "risk-ml",
         "tags": [{"key": "domain", "value": "lending"}],
         "riskProfile": {"domain": "credit", "affectsIndividuals": true, "fullyAutomatedDecision": true,
                         "publicFacing": false, "regulatedRegime": null}}""".formatted(name);
  }

  private static String version(String sha) {
    return """
        {"artifact": {"uri": "s3://models/cs/model.onnx", "sha256": "%s", "sizeBytes": 1048576},
         "authors": ["alice", "bob"]}""".formatted(sha);
  }

  @Autowired
  private EventProcessingConfiguration processing;

  /**
   * With the view's processor stopped, a registration is stored but cannot be read back within the
   * wait (10 s): both APIs say so (503, Retry-After) instead of answering "not found" for it, and the
   * model is there once the view runs again.
   */
  @Test
  void aWriteTheViewDoesNotShowInTimeIsAnswered503AndStands() throws Exception {
    EventProcessor view = processing.eventProcessor(RegistryViewProjection.PROCESSING_GROUP).orElseThrow();
    view.shutDown();
    try {
      HttpResponse<String> registered = post("/api/v1/models", model("slow-view"));
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(503);
      assertThat(registered.headers().firstValue("Retry-After")).contains("1");
      assertThat(registered.headers().firstValue("content-type").orElseThrow()).contains("problem+json");
      assertThat(registered.body()).contains("\"code\":\"view-behind\"").contains("The change was stored")
          .contains("Do not send the change again");

      HttpResponse<String> mlflow = call("POST", "/api/2.0/mlflow/registered-models/create", engineer(),
          "{\"name\": \"slow-view-mlflow\"}");
      assertThat(mlflow.statusCode()).as(mlflow.body()).isEqualTo(503);
      assertThat(mlflow.headers().firstValue("Retry-After")).contains("1");
      assertThat(mlflow.body()).contains("\"error_code\":\"TEMPORARILY_UNAVAILABLE\"")
          .contains("The change was stored");
    } finally {
      view.start();
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(get("/api/v1/models/slow-view").statusCode()).isEqualTo(200);
      assertThat(get("/api/v1/models/slow-view-mlflow").statusCode()).isEqualTo(200);
    });
  }

  @Test
  void registersSubmitsAndTracksTheCard() throws Exception {
    HttpResponse<String> registered = post("/api/v1/models", model("credit-scorer"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    assertThat(registered.body()).contains("\"riskTier\":\"HIGH\"").contains("\"ownerTeam\":\"risk-ml\"");

    HttpResponse<String> submitted = post("/api/v1/models/credit-scorer/versions", version(SHA));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    assertThat(submitted.headers().firstValue("Location")).contains("/api/v1/models/credit-scorer/versions/1");
    assertThat(submitted.headers().firstValue("Link").orElseThrow())
        .contains("/api/v1/cases?model=credit-scorer&version=1").contains("rel=\"approval-cases\"");
    assertThat(submitted.body()).contains("\"version\":1");

    HttpResponse<String> card = call("PUT", "/api/v1/models/credit-scorer/versions/1/card", engineer(), """
        {"intendedUse": "credit decisions", "outOfScopeUse": null, "usersAffected": "applicants",
         "trainingData": "2019-2024 loans", "evaluationData": "2025 holdout", "metrics": "AUC",
         "fairnessConsiderations": "four-fifths rule", "limitations": "thin files",
         "ethicalConsiderations": null, "owners": ["risk-ml"]}""");
    assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
    assertThat(card.body()).contains("\"revision\":1")
        .contains("\"missingSections\":[\"outOfScopeUse\",\"ethicalConsiderations\"]");
    assertThat(get("/api/v1/models/credit-scorer/versions/1/card/revisions/1").body()).contains("credit decisions");

    assertThat(get("/api/v1/models/credit-scorer/versions/1").body())
        .contains("\"artifactSha256\":\"" + SHA + "\"").contains("\"submittedBy\":\"alice\"")
        .contains("\"status\":\"SUBMITTED\"");
    assertThat(get("/api/v1/models?namePrefix=credit&tier=HIGH&tag=domain=lending").body())
        .contains("\"name\":\"credit-scorer\"");
    assertThat(get("/api/v1/models?tier=LOW").body()).doesNotContain("credit-scorer");

    HttpResponse<String> retired = post("/api/v1/models/credit-scorer/versions/1/retirement",
        "{\"reason\":\"superseded\"}");
    assertThat(retired.body()).contains("\"retired\":true");
  }

  private static final String EVALUATION = """
      {"uri": "https://data.example/credit/eval.csv", "sha256": "%s", "format": "csv",
       "columns": {"label": "defaulted", "prediction": "predicted_default", "score": "score",
                   "groups": ["age_band"], "features": ["income"]}}""".formatted("c".repeat(64));
  private static final String LINEAGE = """
      {"datasets": [{"uri": "s3://data/train.parquet", "sha256": "%s", "role": "train"}],
       "codeRepository": "https://git.example/credit", "codeCommit": "0123456789abcdef", "parentVersion": null}"""
      .formatted("b".repeat(64));

  @Test
  void evaluationDataAndLineageFollowTheSubmissionAndARetiredVersionRefusesThem() throws Exception {
    assertThat(post("/api/v1/models", model("late-evidence")).statusCode()).isEqualTo(201);
    assertThat(post("/api/v1/models/late-evidence/versions", version(SHA)).statusCode()).isEqualTo(201);
    String path = "/api/v1/models/late-evidence/versions/1";
    assertThat(get(path).body()).doesNotContain("eval.csv").doesNotContain("codeCommit");

    HttpResponse<String> data = call("PUT", path + "/evaluation-data", engineer(), EVALUATION);
    assertThat(data.statusCode()).as(data.body()).isEqualTo(200);
    assertThat(data.body()).contains("\"uri\":\"https://data.example/credit/eval.csv\"")
        .contains("\"artifactSha256\":\"" + SHA + "\"");
    HttpResponse<String> lineage = call("PUT", path + "/lineage", engineer(), LINEAGE);
    assertThat(lineage.statusCode()).as(lineage.body()).isEqualTo(200);
    assertThat(get(path).body()).contains("\"codeCommit\":\"0123456789abcdef\"")
        .contains("\"groups\":[\"age_band\"]");

    String updatedAt = field(get(path).body(), "updatedAt");
    assertThat(call("PUT", path + "/lineage", engineer(), LINEAGE).statusCode()).isEqualTo(200);
    assertThat(call("PUT", path + "/evaluation-data", engineer(), EVALUATION).statusCode()).isEqualTo(200);
    assertThat(field(get(path).body(), "updatedAt")).as("the same evidence again changes nothing").isEqualTo(updatedAt);

    HttpResponse<String> badSha = call("PUT", path + "/evaluation-data", engineer(), EVALUATION.replace("c".repeat(64), "abc"));
    assertThat(badSha.statusCode()).isEqualTo(422);
    assertThat(badSha.headers().firstValue("content-type").orElseThrow()).contains("problem+json");
    assertThat(badSha.body()).contains("evaluation-data-sha256-malformed");
    HttpResponse<String> badRole = call("PUT", path + "/lineage", engineer(), LINEAGE.replace("\"train\"", "\"tuning\""));
    assertThat(badRole.statusCode()).isEqualTo(422);
    assertThat(badRole.body()).contains("dataset-role-invalid");
    HttpResponse<String> auditor = call("PUT", path + "/evaluation-data", issuer.token("audrey", "AUDITOR"), EVALUATION);
    assertThat(auditor.statusCode()).isEqualTo(403);
    assertThat(call("PUT", "/api/v1/models/late-evidence/versions/9/lineage", engineer(), LINEAGE).statusCode())
        .isEqualTo(404);

    assertThat(post(path + "/retirement", "{\"reason\":\"superseded\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> retired = call("PUT", path + "/evaluation-data", engineer(),
        EVALUATION.replace("eval.csv", "eval-2.csv"));
    assertThat(retired.statusCode()).isEqualTo(409);
    assertThat(retired.headers().firstValue("content-type").orElseThrow()).contains("problem+json");
    assertThat(retired.body()).contains("version-retired").contains("is retired");
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1);
  }

  @Test
  void aPublishedPolicyWithOtherRequiredSectionsChangesTheMissingSections() throws Exception {
    String low = model("low-scorer").replace("\"affectsIndividuals\": true", "\"affectsIndividuals\": false");
    HttpResponse<String> registered = post("/api/v1/models", low);
    assertThat(registered.body()).contains("\"riskTier\":\"LOW\"");
    assertThat(post("/api/v1/models/low-scorer/versions", version(SHA)).statusCode()).isEqualTo(201);
    String card = """
        {"intendedUse": "marketing offers", "limitations": null, "owners": []}""";
    HttpResponse<String> before = call("PUT", "/api/v1/models/low-scorer/versions/1/card", engineer(), card);
    assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
    // LOW by default: intended use and owners
    assertThat(before.body()).contains("\"missingSections\":[\"owners\"]")
        .contains("{\"code\":\"required-section-missing\",\"location\":\"owners\"")
        .contains("policy built-in default");

    send(new io.gatehouse.contracts.approval.PolicyPublished("default", 2, """
        policy: default
        version: 2
        tiers:
          LOW:
            card: { required_sections: [intendedUse, limitations] }
        """, "d".repeat(64), "admin", java.time.Instant.now()));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
      HttpResponse<String> after = call("PUT", "/api/v1/models/low-scorer/versions/1/card", engineer(), card);
      assertThat(after.body()).contains("\"missingSections\":[\"limitations\"]").contains("policy default v2");
    });
    String revisions = get("/api/v1/models/low-scorer/versions/1/card").body();
    assertThat(revisions).contains("\"missingSections\":[\"limitations\"]");
  }

  @Test
  void aHuggingFaceCardIsImportedAndExportedOverRest() throws Exception {
    assertThat(post("/api/v1/models", model("hf-credit")).statusCode()).isEqualTo(201);
    assertThat(post("/api/v1/models/hf-credit/versions", version(SHA)).statusCode()).isEqualTo(201);
    byte[] markdown;
    try (var in = getClass().getResourceAsStream("/cards/hf-credit-tabular.md")) {
      markdown = in.readAllBytes();
    }

    HttpResponse<String> imported = http.send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/api/v1/models/hf-credit/versions/1/card"))
        .header("Authorization", "Bearer " + engineer()).header("content-type", "text/markdown; charset=utf-8")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(markdown)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(imported.body()).contains("\"revision\":1")
        .contains("Estimates the probability that a retail loan applicant defaults within 12 months")
        .contains("Business loans, mortgages")
        .contains("\"type\":\"roc_auc\"").contains("\"value\":0.812")
        .contains("\"warnings\":[{\"code\":\"unmapped-front-matter\"");
    HttpResponse<String> exported = http.send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/api/v1/models/hf-credit/versions/1/card"))
        .header("Authorization", "Bearer " + engineer()).header("Accept", "text/markdown").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    assertThat(exported.headers().firstValue("content-type").orElseThrow()).startsWith("text/markdown");
    assertThat(exported.body()).startsWith("---").contains("model-index:").contains("value: 0.812")
        .contains("Estimates the probability that a retail loan applicant defaults within 12 months");

    HttpResponse<String> unsupported = http.send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/api/v1/models/hf-credit/versions/1/card"))
        .header("Authorization", "Bearer " + engineer()).header("content-type", "text/plain")
        .PUT(HttpRequest.BodyPublishers.ofString("intended use: anything")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unsupported.statusCode()).isEqualTo(415);
    assertThat(unsupported.headers().firstValue("content-type").orElseThrow()).contains("problem+json");
  }

  @Test
  void badInputGetsAClearErrorAndLeavesNothingHalfRegistered() throws Exception {
    HttpResponse<String> badName = post("/api/v1/models", model("-bad name!"));
    assertThat(badName.statusCode()).isEqualTo(422);
    assertThat(badName.body()).contains("model-name-invalid");
    assertThat(get("/api/v1/models/-bad%20name!").statusCode()).isIn(400, 404);

    assertThat(post("/api/v1/models", model("fraud")).statusCode()).isEqualTo(201);
    HttpResponse<String> duplicate = post("/api/v1/models", model("fraud"));
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(duplicate.body()).contains("model-exists");

    HttpResponse<String> badSha = post("/api/v1/models/fraud/versions", version("ABC"));
    assertThat(badSha.statusCode()).isEqualTo(422);
    assertThat(badSha.body()).contains("artifact-sha256-malformed");
    assertThat(get("/api/v1/models/fraud/versions").body()).contains("\"versions\":[]");
    assertThat(post("/api/v1/models/fraud/versions", version(SHA)).body()).as("no number was used")
        .contains("\"version\":1");

    HttpResponse<String> unknown = post("/api/v1/models/nope/versions", version(SHA));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Registered Model with name=nope not found");

    String huge = "{\"intendedUse\": \"" + "x".repeat(25_000) + "\", \"owners\": []}";
    HttpResponse<String> oversized = call("PUT", "/api/v1/models/fraud/versions/1/card", engineer(), huge);
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(oversized.body()).contains("model-card-too-large").contains("intendedUse");
    HttpResponse<String> tooBig = call("PUT", "/api/v1/models/fraud/versions/1/card", engineer(),
        "{\"intendedUse\": \"" + "x".repeat(1_100_000) + "\"}");
    assertThat(tooBig.statusCode()).isEqualTo(413);

    HttpResponse<String> tier = call("PUT", "/api/v1/models/fraud/risk-tier", issuer.token("rita", "MODEL_RISK"),
        "{\"riskTier\":\"CRITICAL\",\"justification\":\"automated limit cuts\"}");
    assertThat(tier.statusCode()).as(tier.body()).isEqualTo(200);
    assertThat(tier.body()).contains("\"riskTier\":\"CRITICAL\"");
  }

  @Test
  void concurrentSubmissionsGetDistinctNumbers() throws Exception {
    assertThat(post("/api/v1/models", model("racy")).statusCode()).isEqualTo(201);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Callable<HttpResponse<String>> c = () -> post("/api/v1/models/racy/versions", version(SHA));
      calls.add(pool.submit(c));
    }
    List<Integer> numbers = new ArrayList<>();
    Pattern number = Pattern.compile("\"version\":(\\d+)");
    for (Future<HttpResponse<String>> f : calls) {
      HttpResponse<String> r = f.get();
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      Matcher m = number.matcher(r.body());
      assertThat(m.find()).isTrue();
      numbers.add(Integer.parseInt(m.group(1)));
    }
    pool.shutdown();
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(
        java.util.stream.IntStream.rangeClosed(1, 16).boxed().toList());
  }
}
