package io.gatehouse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatehouse.contracts.approval.Approver;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.SignOffRecorded;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.ModelVersionStatus;
import org.mlflow.api.proto.ModelRegistry.RegisteredModel;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.Page;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * MLflow's own Java client (2.17.2) against the MLflow API: every read it offers, writes through its
 * sendPost/sendPatch, deletes over plain HTTP, and the governance of promotions: refused before
 * approval-service granted them, shown and allowed after its ModelPromoted event.
 */
class RegistryMlflowApiIT extends RegistryIntegration {

  private static final String SHA = "c7c5c1d70c5dec4416ab6158afd0b223ef40c29b1dc1f97ed9428b94d4cadb1c";

  private MlflowClient client;

  @BeforeEach
  void client() {
    client = new MlflowClient(new BasicMlflowHostCreds(baseUrl(), engineer()));
  }

  private String createModel(String name) {
    return client.sendPost("registered-models/create",
        "{\"name\":\"" + name + "\",\"description\":\"fraud scores\",\"tags\":[{\"key\":\"team\",\"value\":\"cards\"}],"
            + "\"model_id\":\"ignored-3x-field\"}");
  }

  private String createVersion(String name, String runId, boolean withDigest) {
    String tags = withDigest ? ",\"tags\":[{\"key\":\"gatehouse.artifact.sha256\",\"value\":\"" + SHA + "\"}]" : "";
    return client.sendPost("model-versions/create", "{\"name\":\"" + name + "\",\"source\":\"s3://models/" + name
        + "/" + runId + "\",\"run_id\":\"" + runId + "\"" + tags + "}");
  }

  @Test
  void everyReadOfTheJavaClientWorks() {
    assertThat(createModel("fraud")).contains("\"name\":\"fraud\"").contains("\"creation_timestamp\":");
    String created = createVersion("fraud", "run-a", true);
    assertThat(created).contains("\"version\":\"1\"").contains("\"status\":\"READY\"");
    createVersion("fraud", "run-b", false);
    createVersion("fraud", "run-c", true);

    RegisteredModel model = client.getRegisteredModel("fraud");
    assertThat(model.getName()).isEqualTo("fraud");
    assertThat(model.getDescription()).isEqualTo("fraud scores");
    assertThat(model.getTagsList()).anyMatch(t -> t.getKey().equals("team") && t.getValue().equals("cards"));
    assertThat(model.getLatestVersionsList()).extracting(ModelVersion::getVersion).containsExactly("3");
    assertThat(model.getCreationTimestamp()).isGreaterThan(0);

    ModelVersion v1 = client.getModelVersion("fraud", "1");
    assertThat(v1.getStatus()).isEqualTo(ModelVersionStatus.READY);
    assertThat(v1.getCurrentStage()).isEqualTo("None");
    assertThat(v1.getRunId()).isEqualTo("run-a");
    assertThat(v1.getUserId()).isEqualTo("alice");
    assertThat(client.getModelVersion("fraud", "2").getStatusMessage()).contains("gatehouse.artifact.sha256");
    assertThat(client.getModelVersionDownloadUri("fraud", "3")).isEqualTo("s3://models/fraud/run-c");

    client.sendPost("model-versions/transition-stage",
        "{\"name\":\"fraud\",\"version\":\"2\",\"stage\":\"archived\",\"archive_existing_versions\":false}");
    assertThat(client.getLatestVersions("fraud")).extracting(ModelVersion::getVersion, ModelVersion::getCurrentStage)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("3", "None"),
            org.assertj.core.groups.Tuple.tuple("2", "Archived"));
    assertThat(client.getLatestVersions("fraud", List.of("Archived"))).extracting(ModelVersion::getVersion)
        .containsExactly("2");
    assertThat(client.getLatestVersions("fraud", List.of("Production"))).isEmpty();

    client.sendPost("model-versions/set-tag", "{\"name\":\"fraud\",\"version\":\"3\",\"key\":\"reviewed\",\"value\":\"yes\"}");
    String updated = client.sendPatch("model-versions/update",
        "{\"name\":\"fraud\",\"version\":\"3\",\"description\":\"retrained\"}");
    assertThat(updated).contains("\"description\":\"retrained\"");
    assertThat(client.getModelVersion("fraud", "3").getTagsList()).anyMatch(t -> t.getKey().equals("reviewed"));
    assertThat(client.sendPatch("registered-models/update", "{\"name\":\"fraud\",\"description\":\"new\"}"))
        .contains("\"description\":\"new\"");
  }

  @Test
  void searchFiltersOrdersAndPagesToTheEnd() {
    createModel("churn");
    createModel("churn-eu");
    for (int i = 1; i <= 7; i++) {
      createVersion("churn", "run-" + i, true);
    }
    createVersion("churn-eu", "run-x", true);

    Page<ModelVersion> page = client.searchModelVersions("name = 'churn'", 3, List.of("version_number ASC"));
    List<String> seen = new ArrayList<>();
    int pages = 1;
    page.getItems().forEach(v -> seen.add(v.getVersion()));
    while (page.hasNextPage()) {
      page = page.getNextPage();
      pages++;
      page.getItems().forEach(v -> seen.add(v.getVersion()));
    }
    assertThat(seen).containsExactly("1", "2", "3", "4", "5", "6", "7");
    assertThat(pages).isEqualTo(3);

    assertThat(client.searchModelVersions("name LIKE 'churn%' AND run_id IN ('run-2', 'run-x')").getItems())
        .extracting(ModelVersion::getName, ModelVersion::getVersion)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("churn", "2"),
            org.assertj.core.groups.Tuple.tuple("churn-eu", "1"));
    assertThat(client.searchModelVersions("tags.`gatehouse.artifact.sha256` = '" + SHA + "' AND version_number > 6")
        .getItems()).extracting(ModelVersion::getVersion).containsExactly("7");
    assertThat(client.searchModelVersions("name = 'churn'", 100, List.of("version_number DESC")).getItems().get(0)
        .getVersion()).isEqualTo("7");

    String models = client.sendGet("registered-models/search?max_results=1&filter="
        + java.net.URLEncoder.encode("name LIKE 'churn%' AND tag.`mlflow.prompt.is_prompt` != 'true'",
            java.nio.charset.StandardCharsets.UTF_8));
    assertThat(models).contains("\"name\":\"churn\"").contains("\"next_page_token\"");
    assertThatThrownBy(() -> client.searchModelVersions("name = 'churn' OR name = 'x'"))
        .isInstanceOf(MlflowHttpException.class).satisfies(e -> {
          assertThat(((MlflowHttpException) e).getStatusCode()).isEqualTo(400);
          assertThat(((MlflowHttpException) e).getBodyMessage()).contains("INVALID_PARAMETER_VALUE");
        });
  }

  @Test
  void promotionIsRefusedUntilApprovalServicePromotedTheVersion() {
    createModel("scorer");
    createVersion("scorer", "run-1", true);
    String transition = "{\"name\":\"scorer\",\"version\":\"1\",\"stage\":\"Production\"}";

    MlflowHttpException early = (MlflowHttpException) org.assertj.core.api.Assertions.catchThrowable(
        () -> client.sendPost("model-versions/transition-stage", transition));
    assertThat(early.getStatusCode()).isEqualTo(403);
    assertThat(early.getBodyMessage()).contains("PERMISSION_DENIED").contains("approval case");

    String caseId = "case-scorer-1";
    send(new CaseOpened(caseId, "scorer", 1, SHA, "HIGH", "default", 1, List.of("auc"),
        List.of(new RequiredSignOff("ENGINEERING", 1), new RequiredSignOff("MODEL_RISK", 2)), "P180D", "alice",
        List.of(), Instant.now()));
    send(new SignOffRecorded(caseId, "scorer", 1, "MODEL_RISK", "risk1", "Risk One", "APPROVE", "ok", Instant.now()));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      MlflowHttpException e = (MlflowHttpException) org.assertj.core.api.Assertions.catchThrowable(
          () -> client.sendPost("model-versions/transition-stage", transition));
      assertThat(e.getBodyMessage()).contains(caseId).contains("gate auc").contains("1 ENGINEERING sign-off")
          .contains("1 MODEL_RISK sign-off");
    });
    MlflowHttpException alias = (MlflowHttpException) org.assertj.core.api.Assertions.catchThrowable(
        () -> client.sendPost("registered-models/alias", "{\"name\":\"scorer\",\"alias\":\"champion\",\"version\":\"1\"}"));
    assertThat(alias.getStatusCode()).isEqualTo(403);
    assertThat(alias.getBodyMessage()).contains("protected").contains(caseId);

    send(new ModelApproved(caseId, "scorer", 1, SHA, "default", 1, Instant.now().plus(Duration.ofDays(180)),
        List.of(new Approver("ENGINEERING", "eng")), Instant.now()));
    send(new ModelPromoted(caseId, "scorer", 1, SHA, "production", "general", 100, null, "platform", Instant.now()));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> client.getModelVersion("scorer", "1").getCurrentStage().equals("Production"));
    assertThat(client.sendPost("model-versions/transition-stage", transition)).contains("\"current_stage\":\"Production\"");
    client.sendPost("registered-models/alias", "{\"name\":\"scorer\",\"alias\":\"champion\",\"version\":\"1\"}");
    assertThat(client.sendGet("registered-models/alias?name=scorer&alias=champion")).contains("\"version\":\"1\"")
        .contains("\"aliases\":[\"champion\"]");
    assertThat(client.getLatestVersions("scorer", List.of("Production"))).extracting(ModelVersion::getVersion)
        .containsExactly("1");
    client.sendPost("model-versions/transition-stage",
        "{\"name\":\"scorer\",\"version\":\"1\",\"stage\":\"None\"}");
    assertThat(client.getModelVersion("scorer", "1").getCurrentStage()).as("None is not a promotion").isEqualTo("None");
  }

  @Test
  void evaluationDataAndLineageFollowThroughVersionTags() throws Exception {
    createModel("tagged");
    createVersion("tagged", "run-1", true);
    String evaluation = "{\\\"uri\\\":\\\"https://data.example/tagged/eval.csv\\\",\\\"sha256\\\":\\\""
        + "c".repeat(64) + "\\\",\\\"format\\\":\\\"csv\\\",\\\"columns\\\":{\\\"label\\\":\\\"y\\\","
        + "\\\"prediction\\\":\\\"y_hat\\\",\\\"score\\\":null,\\\"groups\\\":[],\\\"features\\\":[]}}";
    client.sendPost("model-versions/set-tag", "{\"name\":\"tagged\",\"version\":\"1\",\"key\":\"gatehouse.evaluation_data\","
        + "\"value\":\"" + evaluation + "\"}");
    String lineage = "{\\\"datasets\\\":[],\\\"codeRepository\\\":\\\"https://git.example/tagged\\\","
        + "\\\"codeCommit\\\":\\\"abc123\\\",\\\"parentVersion\\\":null}";
    client.sendPost("model-versions/set-tag", "{\"name\":\"tagged\",\"version\":\"1\",\"key\":\"gatehouse.lineage\","
        + "\"value\":\"" + lineage + "\"}");
    String native_ = get("/api/v1/models/tagged/versions/1").body();
    assertThat(native_).contains("\"uri\":\"https://data.example/tagged/eval.csv\"")
        .contains("\"codeCommit\":\"abc123\"").contains("\"artifactSha256\":\"" + SHA + "\"");

    HttpResponse<String> malformed = post("/api/2.0/mlflow/model-versions/set-tag",
        "{\"name\":\"tagged\",\"version\":\"1\",\"key\":\"gatehouse.evaluation_data\",\"value\":\"{not json\"}");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"error_code\":\"INVALID_PARAMETER_VALUE\"")
        .contains("Tag gatehouse.evaluation_data must hold a JSON object");
    assertThat(get("/api/2.0/mlflow/model-versions/get?name=tagged&version=1").body())
        .as("the refused value is not kept as a tag").doesNotContain("not json");

    client.sendPost("model-versions/create", "{\"name\":\"tagged\",\"source\":\"s3://models/tagged/2\","
        + "\"tags\":[{\"key\":\"gatehouse.evaluation_data\",\"value\":\"" + evaluation + "\"}]}");
    assertThat(get("/api/v1/models/tagged/versions/2").body()).contains("\"status\":\"AWAITING_DIGEST\"")
        .contains("\"uri\":\"https://data.example/tagged/eval.csv\"");
  }

  @Test
  void errorsAreMlflowJsonWithMlflowsStatuses() throws Exception {
    createModel("errs");
    HttpResponse<String> duplicate = post("/api/2.0/mlflow/registered-models/create", "{\"name\":\"errs\"}");
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.body()).isEqualTo(
        "{\"error_code\":\"RESOURCE_ALREADY_EXISTS\",\"message\":\"Registered Model (name=errs) already exists.\"}");
    HttpResponse<String> missing = post("/api/2.0/mlflow/registered-models/create", "");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("INVALID_PARAMETER_VALUE").contains("'name'");
    HttpResponse<String> unknown = get("/api/2.0/mlflow/registered-models/get?name=nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("RESOURCE_DOES_NOT_EXIST").contains("Registered Model with name=nope not found");
    HttpResponse<String> badVersion = get("/api/2.0/mlflow/model-versions/get?name=errs&version=abc");
    assertThat(badVersion.statusCode()).isEqualTo(400);
    assertThat(badVersion.body()).contains("Parameter 'version' must be an integer, got 'abc'.");
    HttpResponse<String> route = post("/api/2.0/mlflow/experiments/create", "{}");
    assertThat(route.statusCode()).isEqualTo(404);
    assertThat(route.body()).contains("ENDPOINT_NOT_FOUND");
    HttpResponse<String> badSource = post("/api/2.0/mlflow/model-versions/create",
        "{\"name\":\"errs\",\"source\":\"file:///tmp/../etc\"}");
    assertThat(badSource.statusCode()).isEqualTo(400);
    HttpResponse<String> badDigest = post("/api/2.0/mlflow/model-versions/create",
        "{\"name\":\"errs\",\"source\":\"s3://x\",\"tags\":[{\"key\":\"gatehouse.artifact.sha256\",\"value\":\"abc\"}]}");
    assertThat(badDigest.statusCode()).isEqualTo(400);
    assertThat(badDigest.body()).contains("64 lowercase hexadecimal");
    assertThat(get("/api/2.0/mlflow/model-versions/get?name=errs&version=1").statusCode())
        .as("nothing half-registered").isEqualTo(404);
    HttpResponse<String> badStage = post("/api/2.0/mlflow/model-versions/transition-stage",
        "{\"name\":\"errs\",\"version\":\"1\",\"stage\":\"Live\"}");
    assertThat(badStage.statusCode()).isEqualTo(400);
    assertThat(badStage.body()).contains("Invalid Model Version stage: Live");

    HttpResponse<String> anonymous = call("GET", "/api/2.0/mlflow/registered-models/get?name=errs", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("\"error_code\":\"UNAUTHENTICATED\"");
    HttpResponse<String> basic = http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(baseUrl() + "/api/2.0/mlflow/registered-models/get?name=errs"))
        .header("Authorization", "Basic YWxpY2U6Z2F0ZWhvdXNl").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(basic.body()).contains("UNAUTHENTICATED").contains("bearer tokens only");
    HttpResponse<String> auditor = call("POST", "/api/2.0/mlflow/registered-models/create",
        issuer.token("audrey", "AUDITOR"), "{\"name\":\"x\"}");
    assertThat(auditor.statusCode()).isEqualTo(403);
    assertThat(auditor.body()).contains("\"error_code\":\"PERMISSION_DENIED\"");
  }

  @Test
  void deletesOverPlainHttpWithJsonBodies() throws Exception {
    createModel("gone");
    createVersion("gone", "r1", true);
    createVersion("gone", "r2", true);
    client.sendPost("registered-models/set-tag", "{\"name\":\"gone\",\"key\":\"k\",\"value\":\"v\"}");
    client.sendPost("registered-models/alias", "{\"name\":\"gone\",\"alias\":\"challenger\",\"version\":\"2\"}");
    client.sendPost("model-versions/set-tag", "{\"name\":\"gone\",\"version\":\"1\",\"key\":\"k\",\"value\":\"v\"}");

    assertThat(call("DELETE", "/api/2.0/mlflow/model-versions/delete-tag", engineer(),
        "{\"name\":\"gone\",\"version\":\"1\",\"key\":\"k\"}").body()).isEqualTo("{}");
    assertThat(call("DELETE", "/api/2.0/mlflow/registered-models/delete-tag", engineer(),
        "{\"name\":\"gone\",\"key\":\"k\"}").statusCode()).isEqualTo(200);
    assertThat(call("DELETE", "/api/2.0/mlflow/registered-models/delete-tag", engineer(),
        "{\"name\":\"gone\",\"key\":\"missing\"}").statusCode()).as("a missing tag is a no-op").isEqualTo(200);
    assertThat(call("DELETE", "/api/2.0/mlflow/registered-models/alias", engineer(),
        "{\"name\":\"gone\",\"alias\":\"challenger\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> noAlias = get("/api/2.0/mlflow/registered-models/alias?name=gone&alias=challenger");
    assertThat(noAlias.statusCode()).isEqualTo(400);
    assertThat(noAlias.body()).contains("Registered model alias challenger not found.");

    assertThat(call("DELETE", "/api/2.0/mlflow/model-versions/delete", engineer(),
        "{\"name\":\"gone\",\"version\":\"2\"}").statusCode()).isEqualTo(200);
    assertThat(get("/api/2.0/mlflow/model-versions/get?name=gone&version=2").statusCode()).isEqualTo(404);
    assertThat(createVersion("gone", "r3", true)).as("numbers are never reused").contains("\"version\":\"3\"");

    assertThat(call("DELETE", "/api/2.0/mlflow/registered-models/delete", engineer(), "{\"name\":\"gone\"}")
        .statusCode()).isEqualTo(200);
    assertThat(get("/api/2.0/mlflow/registered-models/get?name=gone").statusCode()).isEqualTo(404);
    createModel("gone");
    assertThat(createVersion("gone", "r4", true)).as("a name registered again continues its numbers")
        .contains("\"version\":\"4\"");

    createModel("old-name");
    assertThat(client.sendPost("registered-models/rename", "{\"name\":\"old-name\",\"new_name\":\"new-name\"}"))
        .contains("\"name\":\"new-name\"");
    MlflowHttpException renameWithVersions = (MlflowHttpException) org.assertj.core.api.Assertions.catchThrowable(
        () -> client.sendPost("registered-models/rename", "{\"name\":\"gone\",\"new_name\":\"other\"}"));
    assertThat(renameWithVersions.getStatusCode()).isEqualTo(409);
    assertThat(renameWithVersions.getBodyMessage()).contains("RESOURCE_CONFLICT");
  }
}
