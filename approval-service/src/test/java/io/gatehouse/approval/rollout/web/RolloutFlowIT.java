package io.gatehouse.approval.rollout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.approval.ApprovalIntegration;
import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.gatehouse.contracts.registry.ModelVersionRetired;
import io.gatehouse.contracts.monitoring.DriftDetected;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Promotion, drift and admission through approval-service's REST API with tokens, and drift arriving
 * on Kafka: the path a HIGH-tier version takes from approval to production and back out of it.
 */
class RolloutFlowIT extends ApprovalIntegration {

  private static final String SHA = "a".repeat(64);

  private String platform() {
    return issuer.token("platform", "PLATFORM");
  }

  private HttpResponse<String> promote(String model, int version) throws Exception {
    return post("/api/v1/models/" + model + "/versions/" + version + "/promotions", platform(),
        "{\"stage\":\"production\"}");
  }

  private HttpResponse<String> admission(String model, int version, String sha) throws Exception {
    return get("/api/v1/admission?model=" + model + "&version=" + version + "&sha256=" + sha + "&stage=production",
        issuer.token("deployer", "PLATFORM"));
  }

  private void approve(String model, int version) throws Exception {
    String caseId = CaseIds.of(model, version);
    for (String[] s : new String[][] {{"erin", "ENGINEERING"}, {"pat", "PRODUCT"}, {"lee", "LEGAL"},
        {"eve", "ETHICS"}, {"riley", "MODEL_RISK"}, {"robin", "MODEL_RISK"}}) {
      assertThat(signOff(caseId, s[0], s[1], "APPROVE").statusCode()).as(s[0]).isEqualTo(202);
    }
    awaitStatus(caseId, "APPROVED");
  }

  private String review(String model, int version, String sha) {
    return """
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"705ab4f5-6393-11e8-b7cc-42010a800002",
         "kind":{"group":"apps","version":"v1","kind":"Deployment"},"operation":"CREATE","name":"scorer",
         "object":{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"scorer","labels":{"app":"x"}},
          "spec":{"replicas":2,"template":{"metadata":{"annotations":{"gatehouse.io/model":"%s","gatehouse.io/version":"%d",
          "gatehouse.io/sha256":"sha256:%s"}},"spec":{"containers":[{"name":"m","image":"scorer:1"}]}}}}}}
        """.formatted(model, version, sha);
  }

  @Test
  void aVersionRetiredInTheRegistryIsNoLongerAdmittedNorPromoted() throws Exception {
    String model = "retiring-scorer";
    String caseId = CaseIds.of(model, 1);
    submit(model, 1);
    awaitStatus(caseId, "OPEN");
    HIGH_GATES.forEach(g -> gatePassed(model, 1, g));
    awaitGatesPassed(caseId);
    approve(model, 1);
    assertThat(promote(model, 1).statusCode()).isEqualTo(202);
    assertThat(admission(model, 1, SHA).body()).contains("\"allowed\":true");

    send(new ModelVersionRetired(model, 1, "superseded by version 2", "alice", Instant.now()));
    awaitStatus(caseId, "WITHDRAWN");

    assertThat(admission(model, 1, SHA).body()).contains("\"allowed\":false").contains("version-withdrawn")
        .contains("retired in the registry");
    HttpResponse<String> promoted = promote(model, 1);
    assertThat(promoted.statusCode()).isEqualTo(409);
    assertThat(promoted.body()).contains("version-withdrawn");
    assertThat(onKafka(model, "io.gatehouse.approval.CaseWithdrawn.v1")).isEqualTo(1);
  }

  @Test
  void aVersionReachesProductionOnlyWhenApprovedAndLosesItOnDrift() throws Exception {
    String model = "card-fraud";
    String caseId = CaseIds.of(model, 1);
    submit(model, 1);
    awaitStatus(caseId, "OPEN");
    HIGH_GATES.forEach(g -> gatePassed(model, 1, g));
    awaitGatesPassed(caseId);

    assertThat(admission(model, 1, SHA).body()).contains("\"allowed\":false").contains("\"not-approved\"")
        .contains("\"stage-not-granted\"");
    HttpResponse<String> early = promote(model, 1);
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("not-approved").contains("MODEL_RISK sign-offs");
    assertThat(post("/api/v1/models/" + model + "/versions/1/promotions", issuer.token("erin", "ENGINEERING"),
        "{\"stage\":\"production\"}").statusCode()).as("only PLATFORM promotes").isEqualTo(403);

    approve(model, 1);
    HttpResponse<String> internal = promote(model, 1);
    assertThat(internal.statusCode()).as(internal.body()).isEqualTo(202);
    assertThat(internal.body()).contains("\"phase\":\"internal\"").contains("\"trafficPercent\":0");
    assertThat(post("/api/v1/models/" + model + "/versions/1/promotions", platform(),
        "{\"stage\":\"production\",\"phase\":\"general\"}").body()).contains("phase-order");
    assertThat(promote(model, 1).body()).contains("\"phase\":\"pilot\"");
    assertThat(promote(model, 1).body()).contains("\"phase\":\"general\"").contains("\"trafficPercent\":100");
    assertThat(admission(model, 1, SHA).body()).contains("\"allowed\":true");
    assertThat(admission(model, 1, "b".repeat(64)).body()).contains("\"allowed\":false").contains("other-digest");
    HttpResponse<String> k8s = post("/api/v1/admission/kubernetes", platform(), review(model, 1, SHA));
    assertThat(k8s.body()).contains("\"uid\":\"705ab4f5-6393-11e8-b7cc-42010a800002\"").contains("\"allowed\":true");
    assertThat(get("/api/v1/models/" + model + "/stages", platform()).body()).contains("\"production\":{\"version\":1");

    send(new DriftDetected("drift-1", model, 1, "amount", "PSI", 0.31, 0.25, "ACT", Instant.now().minusSeconds(60),
        Instant.now(), 5000, "monitoring", Instant.now()));
    await().atMost(Duration.ofSeconds(30)).until(() -> case_(caseId).contains("\"suspended\":true"));
    assertThat(case_(caseId)).contains("\"status\":\"OPEN\"").contains("\"awaiting\":{\"ENGINEERING\":1");
    assertThat(admission(model, 1, SHA).body()).contains("\"allowed\":false").contains("approval-suspended");
    HttpResponse<String> denied = post("/api/v1/admission/kubernetes", platform(), review(model, 1, SHA));
    assertThat(denied.body()).contains("\"allowed\":false").contains("\"code\":403").contains("suspended");
    assertThat(post("/api/v1/models/" + model + "/versions/1/promotions", platform(), "{\"stage\":\"staging\"}")
        .body()).contains("approval-suspended");
    assertThat(onKafka(model, "io.gatehouse.approval.ApprovalSuspended.v1")).isEqualTo(1);
    assertThat(onKafka(model, "io.gatehouse.approval.ModelPromoted.v1")).isEqualTo(3);
  }

  @Test
  void twoDistinctSeniorApproversApproveByBreakGlassAndTheReviewIsListed() throws Exception {
    String model = "emergency";
    String caseId = CaseIds.of(model, 1);
    submit(model, 1);
    awaitStatus(caseId, "OPEN");
    String body = "{\"justification\":\"Fraud wave; version 1 catches it\"}";
    assertThat(post("/api/v1/cases/" + caseId + "/break-glass", issuer.token("lee", "LEGAL"), body).statusCode())
        .isEqualTo(403);
    assertThat(post("/api/v1/cases/" + caseId + "/break-glass", issuer.token("risk1", "MODEL_RISK"), body).body())
        .contains("AWAITING_SECOND_APPROVER");
    HttpResponse<String> again = post("/api/v1/cases/" + caseId + "/break-glass", issuer.token("risk1", "MODEL_RISK"), body);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("break-glass-second-approver");
    assertThat(post("/api/v1/cases/" + caseId + "/break-glass", issuer.token("admin", "GOVERNANCE_ADMIN"), body).body())
        .contains("\"status\":\"APPROVED\"");
    assertThat(admission(model, 1, SHA).body()).contains("\"breakGlass\":true").contains("stage-not-granted")
        .doesNotContain("not-approved");
    await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/cases/break-glass-reviews",
        issuer.token("auditor", "AUDITOR")).body().contains(caseId));
    assertThat(get("/api/v1/cases/break-glass-reviews?overdue=true", issuer.token("auditor", "AUDITOR")).body())
        .doesNotContain(caseId);
    assertThat(onKafka(model, "io.gatehouse.approval.BreakGlassApproved.v1")).isEqualTo(1);
  }
}
