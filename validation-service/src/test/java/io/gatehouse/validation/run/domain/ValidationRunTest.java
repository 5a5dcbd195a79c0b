package io.gatehouse.validation.run.domain;

import io.gatehouse.contracts.validation.GateFailed;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.contracts.validation.ValidationCompleted;
import io.gatehouse.contracts.validation.ValidationStarted;
import io.gatehouse.validation.run.api.CompleteValidation;
import io.gatehouse.validation.run.api.StartValidation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidationRunTest {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final String SHA = "d".repeat(64);
  AggregateTestFixture<ValidationRun> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ValidationRun.class);
    fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static ValidationStarted started() {
    return new ValidationStarted("run-1", "m", 3, "default", 2, SHA, "alice", NOW);
  }

  @Test
  void startsUnderAPolicyVersion() {
    fixture.givenNoPriorActivity()
        .when(new StartValidation("run-1", "m", 3, "default", 2, SHA, "alice"))
        .expectEvents(started());
  }

  @Test
  void publishesEachGateThenTheCompletionWithTheEvidence() {
    List<ObservedValue> auc = List.of(new ObservedValue("metrics.roc_auc", 0.91));
    List<ObservedValue> dpr = List.of(new ObservedValue("fairness.demographic_parity_ratio", 0.5));
    fixture.given(started())
        .when(new CompleteValidation("run-1", List.of(
            new CompleteValidation.GateOutcome("auc", "metrics.roc_auc >= 0.8", true, auc, null),
            new CompleteValidation.GateOutcome("four-fifths", "fairness.demographic_parity_ratio >= 0.8", false, dpr,
                "the expression is false")), "http://v/api/v1/runs/run-1/report", "e".repeat(64), List.of(), SHA, 100))
        .expectEvents(
            new GatePassed("run-1", "m", 3, "auc", "metrics.roc_auc >= 0.8", auc, "default", 2, SHA, 100, NOW),
            new GateFailed("run-1", "m", 3, "four-fifths", "fairness.demographic_parity_ratio >= 0.8", dpr, "default", 2,
                SHA, 100, "the expression is false", NOW),
            new ValidationCompleted("run-1", "m", 3, 1, 1, "http://v/api/v1/runs/run-1/report", "e".repeat(64),
                List.of(), SHA, 100, NOW));
  }

  @Test
  void refusesASecondCompletion() {
    fixture.given(started(), new ValidationCompleted("run-1", "m", 3, 0, 0, "u", "e".repeat(64), List.of(), SHA, 0, NOW))
        .when(new CompleteValidation("run-1", List.of(), "u", "e".repeat(64), List.of(), SHA, 0))
        .expectException(RunAlreadyCompleted.class)
        .expectNoEvents();
  }
}
