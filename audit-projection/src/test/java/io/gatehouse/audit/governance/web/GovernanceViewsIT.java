package io.gatehouse.audit.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.AuditIntegration;
import io.gatehouse.audit.bench.HistoryGenerator;
import io.gatehouse.audit.governance.infra.GovernanceQueries;
import io.gatehouse.audit.verifier.Checkpoint;
import io.gatehouse.audit.verifier.MerkleHashes;
import io.gatehouse.audit.verifier.NoteKeys;
import io.gatehouse.audit.verifier.Proofs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Governance views from a generated history: filled as events arrive, identical after being dropped
 * and rebuilt by replaying the log; the state of a model at an instant; an evidence pack whose every
 * entry verifies against its checkpoint with only the public key.
 */
class GovernanceViewsIT extends AuditIntegration {

  @Autowired GovernanceQueries queries;
  @Autowired io.gatehouse.audit.governance.infra.ViewRebuild rebuild;
  @Autowired io.gatehouse.audit.governance.infra.GovernanceViews views;
  @Autowired JdbcTemplate jdbc;

  @Test
  void viewsFillFromTheLogAndARebuildByReplayGivesTheSameRows() throws Exception {
    long start = treeSize();
    sendAll(HistoryGenerator.records(3, 400));
    awaitTreeSize(start + 400);
    // as after a restart: no folded state in memory, the next appends fold their models from the log
    views.forget();
    sendAll(HistoryGenerator.records(4, 200));
    awaitTreeSize(start + 600);
    Map<String, List<Map<String, Object>>> before = queries.snapshot();
    assertThat(before.get("view_version")).hasSizeGreaterThan(15);
    assertThat(before.get("view_signoff")).hasSizeGreaterThan(60);
    assertThat(getJson("/api/v1/views/models?limit=5").get("versions")).hasSize(5);
    assertThat(getJson("/api/v1/views/models?limit=5").get("next").asString()).contains("/");
    JsonNode velocity = getJson("/api/v1/views/approval-velocity");
    assertThat(velocity.get("submissionToApprovalByTier")).isNotEmpty();
    assertThat(velocity.get("waitForRole")).hasSize(5);
    assertThat(getJson("/api/v1/views/gate-failure-rates")).hasSize(5);
    assertThat(getJson("/api/v1/views/reviewer-queues?role=LEGAL")).isNotNull();
    assertThat(getJson("/api/v1/views/recertifications?state=overdue")).isNotEmpty();

    // Views are derived from the log alone: wipe them, replay, compare every row.
    jdbc.execute("TRUNCATE view_version, view_signoff, view_gate, view_drift");
    views.forget();
    assertThat(queries.snapshot().get("view_version")).isEmpty();
    rebuild.rebuildWhenEmpty(); // what the service does at start when it finds the views empty
    assertThat(queries.snapshot().toString()).isEqualTo(before.toString());
    assertThat(post("/api/v1/views/rebuild", issuer.token("admin", "GOVERNANCE_ADMIN")).body())
        .contains("\"entriesReplayed\":" + (start + 600));
    Map<String, List<Map<String, Object>>> after = queries.snapshot();
    for (String table : before.keySet()) {
      List<Map<String, Object>> a = before.get(table);
      List<Map<String, Object>> b = after.get(table);
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        for (String column : a.get(i).keySet()) {
          assertThat(String.valueOf(b.get(i).get(column))).as(table + " row " + i + " " + column)
              .isEqualTo(String.valueOf(a.get(i).get(column)));
        }
      }
      assertThat(b).as(table).hasSameSizeAs(a);
    }
    assertThat(after.toString()).isEqualTo(before.toString());
  }

  @Test
  void stateAtAnInstantAndAnEvidencePackThatVerifiesOffline() throws Exception {
    String model = "model-0";
    long start = treeSize();
    sendAll(HistoryGenerator.records(3, 400));
    awaitTreeSize(start + 400);
    JsonNode entries = getJson("/api/v1/audit?model=" + model + "&version=1&limit=1000").get("entries");
    Instant approvedAt = null;
    Instant firstPromotion = null;
    for (JsonNode e : entries) {
      if (e.get("type").asString().endsWith("ModelApproved.v1")) {
        approvedAt = Instant.parse(e.get("time").asString());
      }
      if (firstPromotion == null && e.get("type").asString().endsWith("ModelPromoted.v1")) {
        firstPromotion = Instant.parse(e.get("time").asString());
      }
    }
    assertThat(approvedAt).isNotNull();
    JsonNode before = getJson("/api/v1/models/" + model + "/state?at=" + approvedAt.minusSeconds(1));
    assertThat(before.get("versions").get(0).get("approvalValid").asBoolean()).isFalse();
    assertThat(before.get("versions").get(0).get("gateResults")).hasSize(5);
    JsonNode after = getJson("/api/v1/models/" + model + "/state?at=" + approvedAt);
    assertThat(after.get("versions").get(0).get("approvalValid").asBoolean()).isTrue();
    assertThat(after.get("versions").get(0).get("signOffsStanding")).hasSize(6);
    assertThat(after.get("versions").get(0).get("policyVersion").asInt()).isEqualTo(1);
    JsonNode promoted = getJson("/api/v1/models/" + model + "/state?at=" + firstPromotion);
    assertThat(promoted.get("versions").get(0).get("stages").get("production").asString()).startsWith("internal");
    assertThat(get("/api/v1/models/" + model + "/state?at=2020-01-01T00:00:00Z", auditor()).statusCode())
        .isEqualTo(404);

    // evaluation data given after the submission is in the pack and the state
    send(new io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet(model, 1,
        new io.gatehouse.contracts.registry.EvaluationDataRef("https://data.example/model-0/eval.csv", "e".repeat(64),
            "csv", new io.gatehouse.contracts.registry.ColumnMapping("y", "y_hat", null, List.of(), List.of())),
        "bob", Instant.now()), "bob");
    awaitTreeSize(start + 401);
    JsonNode pack = getJson("/api/v1/evidence/" + model + "/versions/1");
    NoteKeys.VerifierKey key = NoteKeys.parseVerifierKey(pack.get("verifierKey").asString());
    Checkpoint cp = Checkpoint.verify(pack.get("checkpoint").asString(), key);
    assertThat(pack.get("submission").get("artifact").get("sha256").asString()).hasSize(64);
    assertThat(pack.get("state").get("signOffs")).hasSize(6);
    assertThat(pack.get("entries")).hasSizeGreaterThan(15);
    assertThat(pack.get("checkpointTreeSize").asLong()).isEqualTo(start + 401);
    assertThat(pack.get("evidenceUpdates")).hasSize(1);
    assertThat(pack.get("evidenceUpdates").get(0).get("type").asString()).isEqualTo("evaluation data");
    assertThat(pack.get("state").get("evaluationData").get("uri").asString())
        .isEqualTo("https://data.example/model-0/eval.csv");
    for (JsonNode e : pack.get("entries")) {
      byte[] leaf = Base64.getDecoder().decode(e.get("leaf").asString());
      List<byte[]> proof = new ArrayList<>();
      e.get("inclusionProof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asString())));
      Proofs.verifyInclusion(e.get("leafIndex").asLong(), cp.treeSize(), MerkleHashes.leafHash(leaf), proof,
          cp.rootHash());
    }
    String html = get("/api/v1/evidence/" + model + "/versions/1/print", auditor()).body();
    assertThat(html).contains("<h1 id=\"title\">Evidence pack: model-0 version 1</h1>")
        .contains("<table id=\"signoffs\">").contains("MODEL_RISK").contains("\u2014 gatehouse.local/audit")
        .contains("<table id=\"evidence\">").contains("https://data.example/model-0/eval.csv (sha256 " + "e".repeat(64));
    assertThat(get("/api/v1/evidence/nope/versions/1", auditor()).statusCode()).isEqualTo(404);
  }

  private static void await(java.util.concurrent.Callable<Boolean> condition) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(condition);
  }
}
