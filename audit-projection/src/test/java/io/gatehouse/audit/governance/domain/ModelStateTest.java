package io.gatehouse.audit.governance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.approval.ApprovalSuspended;
import io.gatehouse.contracts.approval.Approver;
import io.gatehouse.contracts.approval.BreakGlassApproved;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.CaseWithdrawn;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the log says held for a model, event after event. */
class ModelStateTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private long leaf;

  private ModelState opened() {
    ModelState s = new ModelState("m");
    s.apply(new ModelVersionSubmitted("m", 1, new ArtifactRef("s3://m", "a".repeat(64), 1), null, null, null, "HIGH",
        "alice", List.of("alice"), T0), T0, leaf++);
    s.apply(new CaseOpened("c", "m", 1, "a".repeat(64), "HIGH", "default", 3, List.of("auc"),
        List.of(new RequiredSignOff("LEGAL", 1), new RequiredSignOff("MODEL_RISK", 2)), "P180D", "alice",
        List.of("alice"), T0), T0, leaf++);
    return s;
  }

  @Test
  void evaluationDataAndLineageGivenAfterTheSubmissionAreTheOnesInForce() {
    ModelState s = opened();
    assertThat(s.versions.get(1).evaluationData).isNull();
    io.gatehouse.contracts.registry.EvaluationDataRef data = new io.gatehouse.contracts.registry.EvaluationDataRef(
        "https://data/eval.csv", "c".repeat(64), "csv",
        new io.gatehouse.contracts.registry.ColumnMapping("y", "y_hat", null, List.of(), List.of()));
    io.gatehouse.contracts.registry.Lineage lineage = new io.gatehouse.contracts.registry.Lineage(List.of(),
        "https://git/m", "abc123", null);
    Instant t = T0.plusSeconds(30);
    s.apply(new io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet("m", 1, data, "bob", t), t, leaf++);
    s.apply(new io.gatehouse.contracts.registry.ModelVersionLineageSet("m", 1, lineage, "bob", t), t, leaf++);
    assertThat(s.versions.get(1).evaluationData).isEqualTo(data);
    assertThat(s.versions.get(1).lineage).isEqualTo(lineage);
  }

  @Test
  void anApprovalHoldsFromItsEventUntilItsValidityEnds() {
    ModelState s = opened();
    Instant approved = T0.plus(Duration.ofDays(2));
    assertThat(s.versions.get(1).approvalValidAt(approved)).isFalse();
    assertThat(s.versions.get(1).awaiting()).containsEntry("LEGAL", 1).containsEntry("MODEL_RISK", 2);
    s.apply(new SignOffRecorded("c", "m", 1, "LEGAL", "lee", "Lee", "APPROVE", "ok", approved), approved, leaf++);
    assertThat(s.versions.get(1).awaiting()).doesNotContainKey("LEGAL");
    s.apply(new ModelApproved("c", "m", 1, "a".repeat(64), "default", 3, approved.plus(Duration.ofDays(180)),
        List.of(new Approver("LEGAL", "lee")), approved), approved, leaf++);
    assertThat(s.versions.get(1).approvalValidAt(approved)).isTrue();
    assertThat(s.versions.get(1).approvalValidAt(approved.plus(Duration.ofDays(180)))).isFalse();
    assertThat(s.versions.get(1).policyVersion).isEqualTo(3);
  }

  @Test
  void suspensionVoidsSignOffsAndWithdrawalEndsTheApprovalAndItsStages() {
    ModelState s = opened();
    Instant t = T0.plusSeconds(60);
    s.apply(new SignOffRecorded("c", "m", 1, "LEGAL", "lee", "Lee", "APPROVE", "ok", t), t, leaf++);
    s.apply(new ModelApproved("c", "m", 1, "a".repeat(64), "default", 3, t.plus(Duration.ofDays(180)), List.of(), t), t,
        leaf++);
    s.apply(new ModelPromoted("c", "m", 1, "a".repeat(64), "production", "general", 100, null, "platform", t), t, leaf++);
    assertThat(s.stageHolders).containsEntry("production", 1);
    s.apply(new ApprovalSuspended("c", "m", 1, "drift", "d-1", "service:approval", t), t, leaf++);
    assertThat(s.versions.get(1).approvalValidAt(t)).isFalse();
    assertThat(s.versions.get(1).signOffs).allMatch(so -> so.voided);
    assertThat(s.versions.get(1).awaiting()).containsKey("LEGAL");
    s.apply(new CaseWithdrawn("c", "m", 1, "RETIRED", null, "service:approval", t), t, leaf++);
    assertThat(s.versions.get(1).status).isEqualTo("WITHDRAWN");
    assertThat(s.versions.get(1).stages).isEmpty();
  }

  @Test
  void aStateReadBackFromJsonFoldsOnToTheSameJson() {
    ModelState live = opened();
    var json = io.gatehouse.contracts.EventJson.mapper();
    ModelState read = json.readValue(json.writeValueAsString(live), ModelState.class);
    Instant t = T0.plusSeconds(90);
    for (ModelState s : List.of(live, read)) {
      s.apply(new ModelPromoted("c", "m", 1, "a".repeat(64), "staging", "general", 100, null, "platform", t), t, 10);
      s.apply(new ModelPromoted("c", "m", 1, "a".repeat(64), "production", "internal", 0, null, "platform", t), t, 11);
      s.apply(new io.gatehouse.contracts.validation.GatePassed("r", "m", 1, "zeta", "x", List.of(), "default", 3,
          "d".repeat(64), 1, t), t, 12);
      s.apply(new io.gatehouse.contracts.validation.GatePassed("r", "m", 1, "alpha", "x", List.of(), "default", 3,
          "d".repeat(64), 1, t), t, 13);
    }
    assertThat(json.writeValueAsString(read)).isEqualTo(json.writeValueAsString(live));
  }

  @Test
  void aBreakGlassApprovalHoldsUntilItsReviewIsDue() {
    ModelState s = opened();
    Instant t = T0.plusSeconds(60);
    s.apply(new BreakGlassApproved("c", "m", 1, "a".repeat(64), List.of("risk1", "admin"), "incident",
        t.plus(Duration.ofDays(14)), t), t, leaf++);
    assertThat(s.versions.get(1).approvalValidAt(t.plus(Duration.ofDays(13)))).isTrue();
    assertThat(s.versions.get(1).approvalValidAt(t.plus(Duration.ofDays(14)))).isFalse();
  }
}
