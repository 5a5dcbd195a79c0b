package io.gatehouse.approval.approvalcase.domain;

import io.gatehouse.approval.approvalcase.api.OpenCase;
import io.gatehouse.approval.policy.domain.TierPolicy;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.RequiredSignOff;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalCaseTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final TierPolicy HIGH = new TierPolicy(
      List.of(new TierPolicy.Gate("auc", "metrics.roc_auc >= 0.80")),
      List.of(new RequiredSignOff("ENGINEERING", 1), new RequiredSignOff("MODEL_RISK", 2)),
      Period.ofDays(180));

  private AggregateTestFixture<ApprovalCase> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ApprovalCase.class);
    fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void opensUnderThePolicyInForceWithTheTiersGatesAndSignOffs() {
    String id = CaseIds.of("credit-scorer", 1);
    fixture.givenNoPriorActivity()
        .when(new OpenCase(id, "credit-scorer", 1, "a".repeat(64), "HIGH", "default", 3, HIGH, "alice",
            List.of("bob")))
        .expectEvents(new CaseOpened(id, "credit-scorer", 1, "a".repeat(64), "HIGH", "default", 3,
            List.of("auc"), List.of(new RequiredSignOff("ENGINEERING", 1), new RequiredSignOff("MODEL_RISK", 2)),
            "alice", List.of("bob"), NOW));
  }
}
