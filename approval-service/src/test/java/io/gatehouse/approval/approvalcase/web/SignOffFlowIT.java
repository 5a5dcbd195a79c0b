package io.gatehouse.approval.approvalcase.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.gatehouse.testsupport.KafkaRecords;
import io.gatehouse.approval.ApprovalIntegration;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * approval-service as a whole: a submission arrives on Kafka, the case opens, gate results arrive
 * (some before the case), reviewers sign off through REST with their tokens, and the case is
 * approved once, with ModelApproved on Kafka.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignOffFlowIT extends ApprovalIntegration {


  @Test
  void aHighTierVersionIsApprovedOnlyAfterEveryRoleAndTwoModelRiskSignOffs() throws Exception {
    String model = "credit-scorer";
    String caseId = CaseIds.of(model, 1);
    gatePassed(model, 1, "auc"); // before the case exists: kept and applied when it opens
    submit(model, 1);
    awaitStatus(caseId, "OPEN");
    for (String gate : List.of("calibration", "four-fifths", "equalized-odds", "card-complete")) {
      gatePassed(model, 1, gate);
    }

    HttpResponse<String> own = signOff(caseId, "alice", "ENGINEERING", "APPROVE");
    assertThat(own.statusCode()).isEqualTo(403);
    assertThat(own.body()).contains("signer-submitted-version").contains("separation of duties");

    for (String[] s : List.of(new String[] {"erin", "ENGINEERING"}, new String[] {"pat", "PRODUCT"},
        new String[] {"lee", "LEGAL"}, new String[] {"eve", "ETHICS"}, new String[] {"riley", "MODEL_RISK"})) {
      assertThat(signOff(caseId, s[0], s[1], "APPROVE").statusCode()).as(s[0]).isEqualTo(202);
    }
    awaitGatesPassed(caseId);
    await().atMost(Duration.ofSeconds(30)).until(() -> case_(caseId).contains("\"awaiting\":{\"MODEL_RISK\":1}"));
    assertThat(case_(caseId)).as("every gate passed, one MODEL_RISK approval short: still open")
        .contains("\"status\":\"OPEN\"");

    assertThat(signOff(caseId, "robin", "MODEL_RISK", "APPROVE").statusCode()).isEqualTo(202);
    awaitStatus(caseId, "APPROVED");
    assertThat(case_(caseId)).contains("\"validUntil\":");
    assertThat(signOff(caseId, "rory", "MODEL_RISK", "APPROVE").statusCode()).isEqualTo(409);
    assertThat(approvalsOnKafka(model, 1)).isEqualTo(1);
  }

  @Test
  void fiftyParallelSignOffsGiveExactlyTheAllowedOnesAndOneApproval() throws Exception {
    String model = "parallel";
    String caseId = CaseIds.of(model, 1);
    submit(model, 1);
    awaitStatus(caseId, "OPEN");

    List<Callable<Integer>> calls = new ArrayList<>();
    List<String> roles = List.of("ENGINEERING", "PRODUCT", "LEGAL", "ETHICS", "MODEL_RISK");
    for (String role : roles) {
      for (int holder = 0; holder < 3; holder++) {
        String who = role.toLowerCase() + "-" + holder;
        calls.add(() -> signOff(caseId, who, role, "APPROVE").statusCode());
        calls.add(() -> signOff(caseId, who, role, "APPROVE").statusCode()); // the same person again
      }
    }
    for (int i = 0; i < 5; i++) {
      calls.add(() -> signOff(caseId, "alice", "LEGAL", "APPROVE").statusCode()); // the submitter
      calls.add(() -> signOff(caseId, "bob", "ETHICS", "APPROVE").statusCode()); // an author
    }
    for (int i = 0; i < 10; i++) {
      int n = i;
      calls.add(() -> signOff(caseId, "intruder-" + n, "LEGAL", "APPROVE", "ENGINEERING").statusCode()); // no role
    }
    Collections.shuffle(calls);
    assertThat(calls).hasSize(50);

    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : pool.invokeAll(calls)) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses.stream().filter(s -> s == 202).count()).as("one per distinct role holder").isEqualTo(15);
    assertThat(statuses.stream().filter(s -> s == 409).count()).as("second attempts").isEqualTo(15);
    assertThat(statuses.stream().filter(s -> s == 403).count()).as("submitter, author, no role").isEqualTo(20);

    for (String gate : List.of("auc", "calibration", "four-fifths", "equalized-odds", "card-complete")) {
      gatePassed(model, 1, gate);
    }
    awaitStatus(caseId, "APPROVED");
    assertThat(approvalsOnKafka(model, 1)).isEqualTo(1);
  }

  /** Last: the policy it publishes governs every case opened after it in this context. */
  @Test
  @Order(Integer.MAX_VALUE)
  void aPublishedPolicyVersionGovernsTheCasesOpenedAfterIt() throws Exception {
    String v2 = """
        policy: default
        version: 2
        tiers:
          HIGH:
            gates:
              - { id: auc, expr: "metrics.roc_auc >= 0.9" }
            signoffs: [ {role: ENGINEERING}, {role: MODEL_RISK, quorum: 3} ]
            approval_valid_for: P30D
        """;
    assertThat(publish(v2, "eng", "ENGINEERING").statusCode()).as("only governance admins publish").isEqualTo(403);
    HttpResponse<String> bad = publish(v2.replace("P30D", "a month"), "ada", "GOVERNANCE_ADMIN");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("policy-invalid").contains("line 8").contains("not an ISO-8601 period");
    HttpResponse<String> skipped = publish(v2.replace("version: 2", "version: 5"), "ada", "GOVERNANCE_ADMIN");
    assertThat(skipped.statusCode()).isEqualTo(409);
    assertThat(skipped.body()).contains("must say version: 2");

    HttpResponse<String> published = publish(v2, "ada", "GOVERNANCE_ADMIN");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    assertThat(published.body()).contains("\"policyVersion\":2").contains("\"publishedBy\":\"ada\"");

    submit("governed", 1);
    String caseId = CaseIds.of("governed", 1);
    awaitStatus(caseId, "OPEN");
    assertThat(case_(caseId)).contains("\"policyVersion\":2").contains("\"requiredGates\":[\"auc\"]")
        .contains("{\"role\":\"MODEL_RISK\",\"quorum\":3}");
    assertThat(KafkaRecords.readAll(brokers, "gatehouse.approval.v1", Duration.ofSeconds(1)).stream()
        .filter(r -> "io.gatehouse.approval.PolicyPublished.v1".equals(KafkaRecords.header(r, "ce_type")))
        .map(r -> KafkaRecords.header(r, "ce_subject")).toList())
        .contains("policies/default/versions/1", "policies/default/versions/2");
  }

  @Test
  void casesAreListedByStatusModelVersionAndTheRoleTheyAwait() throws Exception {
    submit("lister", 1);
    submit("lister", 2);
    submit("other-lister", 1);
    awaitStatus(CaseIds.of("lister", 1), "OPEN");
    awaitStatus(CaseIds.of("lister", 2), "OPEN");
    awaitStatus(CaseIds.of("other-lister", 1), "OPEN");
    assertThat(signOff(CaseIds.of("lister", 2), "erin", "ENGINEERING", "APPROVE").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> !case_(CaseIds.of("lister", 2)).contains("\"ENGINEERING\":1"));
    String token = issuer.token("auditor", "AUDITOR");

    assertThat(caseIds(get("/api/v1/cases?model=lister", token).body()))
        .containsExactly(CaseIds.of("lister", 1), CaseIds.of("lister", 2));
    assertThat(caseIds(get("/api/v1/cases?model=lister&version=2", token).body()))
        .containsExactly(CaseIds.of("lister", 2));
    assertThat(caseIds(get("/api/v1/cases?model=lister&awaitingRole=ENGINEERING", token).body()))
        .containsExactly(CaseIds.of("lister", 1));
    assertThat(caseIds(get("/api/v1/cases?status=OPEN&model=other-lister", token).body()))
        .containsExactly(CaseIds.of("other-lister", 1));
    assertThat(caseIds(get("/api/v1/cases?status=APPROVED&model=lister", token).body())).isEmpty();
    HttpResponse<String> bad = get("/api/v1/cases?status=SIGNED", token);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("status");
  }

  private static List<String> caseIds(String json) {
    List<String> ids = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"caseId\":\"([^\"]+)\"").matcher(json);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private HttpResponse<String> publish(String yaml, String who, String role) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/policies"))
        .header("content-type", "application/yaml").header("Authorization", "Bearer " + issuer.token(who, role))
        .POST(HttpRequest.BodyPublishers.ofString(yaml)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private long approvalsOnKafka(String model, int version) {
    return onKafka(model, "io.gatehouse.approval.ModelApproved.v1");
  }
}
