package io.gatehouse.monitoring.monitoredversion.domain;

import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.contracts.monitoring.DriftResolved;
import io.gatehouse.contracts.monitoring.PerformanceDegraded;
import io.gatehouse.contracts.monitoring.PerformanceRecovered;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.monitoring.drift.domain.DriftThresholds;
import io.gatehouse.monitoring.monitoredversion.api.AssessWindow;
import io.gatehouse.monitoring.monitoredversion.api.NoteValidationFigures;
import io.gatehouse.monitoring.monitoredversion.api.NotePolicyDocument;
import io.gatehouse.monitoring.monitoredversion.api.NoteVersion;
import io.gatehouse.monitoring.monitoredversion.api.PolicyDocumentNoted;
import io.gatehouse.monitoring.monitoredversion.api.RecordDriftSignal;
import io.gatehouse.monitoring.monitoredversion.api.ValidationFiguresNoted;
import io.gatehouse.monitoring.monitoredversion.api.VersionNoted;
import io.gatehouse.monitoring.telemetry.domain.DriftSignal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonitoredVersionTest {

  static final String ID = MonitoredVersionIds.of("fraud", 1);
  static final Instant W0 = Instant.parse("2026-11-22T10:00:00Z");
  static final Instant W1 = W0.plusSeconds(3600);
  static final Instant AT = W1.plusSeconds(2);

  AggregateTestFixture<MonitoredVersion> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(MonitoredVersion.class);
  }

  static VersionNoted noted() {
    return new VersionNoted(ID, "fraud", 1, "HIGH", "default", 1);
  }

  static AssessWindow window(String resultId, double psi, double ks) {
    return new AssessWindow(ID, resultId, W0, W1, 5000, List.of(new AssessWindow.Statistic("income", "PSI", psi),
        new AssessWindow.Statistic("income", "KS", ks)), 0, List.of(), DriftThresholds.FALLBACK, 0.05, 100, AT);
  }

  @Test
  void createsTheVersionOnTheFirstFactWhateverItIs() {
    fixture.givenNoPriorActivity()
        .when(new NoteValidationFigures(ID, "fraud", 1, List.of(new ObservedValue("metrics.roc_auc", 0.9),
            new ObservedValue("fairness.demographic_parity_ratio", 0.85)), "validation:run-1"))
        .expectEvents(new VersionNoted(ID, "fraud", 1, null, null, null),
            new ValidationFiguresNoted(ID, "fraud", 1, List.of(new ObservedValue("roc_auc", 0.9)), "validation:run-1"));
  }

  @Test
  void notesATierOnlyWhenItChanges() {
    fixture.given(noted()).when(new NoteVersion(ID, "fraud", 1, "HIGH", null, null)).expectNoEvents();
  }

  @Test
  void detectsAWindowOverWarnAtItsSeverityWithTheCrossedLevel() {
    fixture.given(noted()).when(window("window:fraud/1/1", 0.31, 0.12))
        .expectEventsMatching(Matchers.exactSequenceOf(
            Matchers.messageWithPayload(Matchers.matches(p -> p instanceof DriftDetected d && d.statistic().equals("PSI")
                && d.severity().equals("ACT") && d.threshold() == 0.25 && d.value() == 0.31 && d.sampleSize() == 5000
                && d.source().equals("gatehouse") && d.windowStart().equals(W0))),
            Matchers.messageWithPayload(Matchers.matches(p -> p instanceof DriftDetected d && d.statistic().equals("KS")
                && d.severity().equals("WARN") && d.threshold() == 0.10)),
            Matchers.andNoMore()));
  }

  @Test
  void anOpenSignalIsRaisedToActButNotRepeatedAndResolvesUnderWarn() {
    DriftDetected warn = new DriftDetected("gatehouse-1", "fraud", 1, "income", "PSI", 0.12, 0.10, "WARN", W0, W1, 10,
        "gatehouse", AT);
    fixture.given(noted(), warn).when(window("window:fraud/1/2", 0.14, 0.01)).expectNoEvents();
    fixture.given(noted(), warn).when(window("window:fraud/1/2", 0.30, 0.01))
        .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.matches(
            p -> p instanceof DriftDetected d && d.severity().equals("ACT"))), Matchers.andNoMore()));
    fixture.given(noted(), warn).when(window("window:fraud/1/2", 0.02, 0.01))
        .expectEvents(new DriftResolved("gatehouse-1", "fraud", 1, "income", "PSI", 0.02, 0.10, W0, W1, AT));
  }

  @Test
  void anOutsideSignalOpensOnceAndResolvesBySignalId() {
    DriftSignal firing = new DriftSignal("am-1", "fraud", 1, true, "amount", "PSI", 0.4, 0.25, "ACT", W0, W1, 0,
        "alertmanager", AT);
    DriftDetected detected = new DriftDetected("am-1", "fraud", 1, "amount", "PSI", 0.4, 0.25, "ACT", W0, W1, 0,
        "alertmanager", AT);
    fixture.given(noted()).when(new RecordDriftSignal(ID, firing, AT)).expectEvents(detected);
    fixture.given(noted(), detected).when(new RecordDriftSignal(ID, firing, AT)).expectNoEvents();
    DriftSignal resolved = new DriftSignal("am-1", "fraud", 1, false, "amount", "PSI", 0.05, 0.25, "ACT", W0, W1, 0,
        "alertmanager", AT);
    fixture.given(noted(), detected).when(new RecordDriftSignal(ID, resolved, AT))
        .expectEvents(new DriftResolved("am-1", "fraud", 1, "amount", "PSI", 0.05, 0.25, W0, W1, AT));
    fixture.given(noted()).when(new RecordDriftSignal(ID, resolved, AT)).expectNoEvents();
  }

  @Test
  void windowedPerformanceBelowValidationByMoreThanTheToleranceIsDegradedOnce() {
    ValidationFiguresNoted figures = new ValidationFiguresNoted(ID, "fraud", 1,
        List.of(new ObservedValue("roc_auc", 0.86), new ObservedValue("brier", 0.10)), "validation:run-1");
    AssessWindow poor = new AssessWindow(ID, "window:fraud/1/3", W0, W1, 5000, List.of(), 400,
        List.of(new AssessWindow.Metric("roc_auc", 0.78), new AssessWindow.Metric("brier", 0.12)),
        DriftThresholds.FALLBACK, 0.05, 100, AT);
    fixture.given(noted(), figures).when(poor)
        .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.matches(
            p -> p instanceof PerformanceDegraded d && d.metric().equals("roc_auc") && d.observed() == 0.78
                && d.expected() == 0.86 && d.tolerance() == 0.05 && d.sampleSize() == 400)), Matchers.andNoMore()));
    PerformanceDegraded degraded = new PerformanceDegraded("gatehouse-x", "fraud", 1, "roc_auc", 0.78, 0.86, 0.05, W0,
        W1, 400, AT);
    fixture.given(noted(), figures, degraded).when(poor).expectNoEvents();
    AssessWindow fine = new AssessWindow(ID, "window:fraud/1/4", W0, W1, 5000, List.of(), 400,
        List.of(new AssessWindow.Metric("roc_auc", 0.85)), DriftThresholds.FALLBACK, 0.05, 100, AT);
    PerformanceRecovered recovered = new PerformanceRecovered("gatehouse-x", "fraud", 1, "roc_auc", 0.85, 0.86, 0.05,
        W0, W1, 400, AT);
    fixture.given(noted(), figures, degraded).when(fine).expectEvents(recovered);
    // recovered: a later poor window is degraded again, a fine one changes nothing
    fixture.given(noted(), figures, degraded, recovered).when(fine).expectNoEvents();
    fixture.given(noted(), figures, degraded, recovered).when(poor)
        .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.matches(
            p -> p instanceof PerformanceDegraded d && d.metric().equals("roc_auc"))), Matchers.andNoMore()));
    // a recovery stored by an earlier version of the service (the internal event) still replays
    fixture.given(noted(), figures, degraded, new io.gatehouse.monitoring.monitoredversion.api.PerformanceRecovered(
        "fraud", 1, "gatehouse|roc_auc", "roc_auc", 0.85, AT)).when(fine).expectNoEvents();
    AssessWindow fewLabels = new AssessWindow(ID, "window:fraud/1/5", W0, W1, 5000, List.of(), 20,
        List.of(new AssessWindow.Metric("roc_auc", 0.5)), DriftThresholds.FALLBACK, 0.05, 100, AT);
    fixture.given(noted(), figures).when(fewLabels).expectNoEvents();
  }

  @Test
  void aPolicyDocumentThatMayApplyIsNotedSoTheEngineRereadsTheWindowSize() {
    fixture.given(noted())
        .when(new NotePolicyDocument(ID, "default", 2))
        .expectEvents(new PolicyDocumentNoted(ID, "fraud", 1, "default", 2));
  }
}
