package io.gatehouse.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
