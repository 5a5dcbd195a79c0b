package io.gatehouse.monitoring.drift.infra;

import static io.gatehouse.monitoring.drift.infra.EngineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.monitoring.drift.domain.DriftStatistics;
import io.gatehouse.monitoring.drift.domain.WindowSpec;
import io.gatehouse.testsupport.KafkaRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Window logic of the engine, in a TopologyTestDriver (no broker). */
class MonitoringTopologyTest {

  /** Reference of feature x: four bins on [0, 4], 25 % each. */
  static final List<FeatureHistogram> PROFILE = List.of(new FeatureHistogram("x", "numeric",
      List.of(0.0, 1.0, 2.0, 3.0, 4.0), List.of(), List.of(250L, 250L, 250L, 250L)));

  @Test
  void aCountWindowClosesAtItsSizeWithStatisticsAgainstTheReference() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 400, null)))) {
      e.version("fraud", 1, "HIGH", PROFILE, List.of());
      // 400 observations: 100 in bin 0, 100 in bin 1, 200 in bin 3
      for (int i = 0; i < 400; i++) {
        double x = i < 100 ? 0.5 : i < 200 ? 1.5 : 3.5;
        e.observe("fraud", 1, T0.plusMillis(i), x);
      }
      List<WindowResult> results = e.readResults();
      assertThat(results).hasSize(1);
      WindowResult r = results.get(0);
      assertThat(r.sampleSize()).isEqualTo(400);
      assertThat(r.closedBy()).isEqualTo("count");
      assertThat(r.windowStart()).isEqualTo(T0);
      assertThat(r.windowEnd()).isEqualTo(T0.plusMillis(399));
      WindowResult.Stat psi = stat(r, "x", "PSI");
      // same as the statistic of these counts directly
      assertThat(psi.value()).isCloseTo(DriftStatistics.psi(new long[] {250, 250, 250, 250}, new long[] {100, 100, 0, 200}),
          within(1e-12));
      assertThat(stat(r, "x", "KS").value()).isCloseTo(0.25, within(1e-12)); // .25 .5 .75 vs .25 .5 .5
      assertThat(psi.observed()).isEqualTo(400);
      assertThat(r.resultId()).isEqualTo("window:fraud/1/1");
      assertThat(e.meters.counter("gatehouse.monitoring.observations").count()).isEqualTo(400);
    }
  }

  @Test
  void theWindowSizeOfTheTiersPolicyClosesTheWindowsNotTheConfiguredOne() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 400, Duration.ofSeconds(5))))) {
      e.version("fraud", 1, "HIGH", PROFILE, List.of(), new VersionConfig.PolicyWindow(null, 150));
      e.version("churn", 1, "HIGH", PROFILE, List.of()); // its policy sets no window: the configured 400
      for (int i = 0; i < 400; i++) {
        e.observe("fraud", 1, T0.plusMillis(i), 0.5 + i % 4);
        e.observe("churn", 1, T0.plusMillis(i), 0.5 + i % 4);
      }
      List<WindowResult> results = e.readResults();
      assertThat(results).extracting(WindowResult::modelName, WindowResult::sampleSize, WindowResult::closedBy)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("fraud", 150L, "count"),
              org.assertj.core.groups.Tuple.tuple("fraud", 150L, "count"),
              org.assertj.core.groups.Tuple.tuple("churn", 400L, "count"));

      // a new policy makes fraud's windows one minute long (the grace stays the configured one): the count
      // window open under the old setting (100 observations) closes first, then time windows are cut
      e.version("fraud", 1, "HIGH", PROFILE, List.of(), new VersionConfig.PolicyWindow("PT1M", 0));
      for (int i = 0; i < 200; i++) {
        e.observe("fraud", 1, T0.plusSeconds(i % 50), 0.5 + i % 4);
      }
      e.observe("fraud", 1, T0.plusSeconds(65), 0.5); // past the first minute plus grace
      results = e.readResults();
      assertThat(results).extracting(WindowResult::sampleSize, WindowResult::closedBy)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(100L, "window-changed"),
              org.assertj.core.groups.Tuple.tuple(200L, "time"));
      assertThat(results.get(1).windowStart()).isEqualTo(T0);
      assertThat(results.get(1).windowEnd()).isEqualTo(T0.plusSeconds(60));
    }
  }

  @Test
  void theScoreIsJudgedAgainstTheReferencesScoreHistogramLikeAFeature() {
    List<FeatureHistogram> profile = List.of(PROFILE.get(0), new FeatureHistogram("score", "numeric",
        List.of(0.0, 0.25, 0.5, 0.75, 1.0), List.of(), List.of(250L, 250L, 250L, 250L)));
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 400, null)))) {
      e.version("fraud", 1, "HIGH", profile, List.of());
      // x as in the reference; the score first piled into its top quarter, then as in the reference
      for (int i = 0; i < 800; i++) {
        double score = i < 400 ? 0.8 + (i % 10) * 0.01 : 0.125 + 0.25 * (i % 4);
        e.send("fraud", InputType.OBSERVATION, "{\"modelName\":\"fraud\",\"version\":1,\"timestamp\":\""
            + T0.plusMillis(i) + "\",\"features\":{\"x\":" + (0.5 + i % 4) + "},\"score\":" + score + "}");
      }
      List<WindowResult> results = e.readResults();
      assertThat(results).hasSize(2);
      WindowResult shifted = results.get(0);
      assertThat(stat(shifted, "x", "PSI").value()).isCloseTo(0, within(1e-12));
      // all 400 in the last bin: (0.25 - 1) ln(1e-4 / 0.25) x 3 + (1 - 0.25) ln(1 / 0.25)
      double psi = 3 * (0.25 - 1e-4) * Math.log(0.25 / 1e-4) + 0.75 * Math.log(4);
      assertThat(stat(shifted, "score", "PSI").value()).isCloseTo(psi, within(1e-9));
      assertThat(stat(shifted, "score", "KS").value()).isCloseTo(0.75, within(1e-12));
      assertThat(stat(shifted, "score", "PSI").observed()).isEqualTo(400);
      WindowResult unshifted = results.get(1);
      assertThat(stat(unshifted, "score", "PSI").value()).isCloseTo(0, within(1e-12));
      assertThat(stat(unshifted, "score", "KS").value()).isCloseTo(0, within(1e-12));

      // a producer's own histogram of the score is judged the same way
      e.send("fraud", InputType.WINDOW_HISTOGRAM, "{\"modelName\":\"fraud\",\"version\":1,"
          + "\"windowStart\":\"2026-11-22T09:00:00Z\",\"windowEnd\":\"2026-11-22T10:00:00Z\",\"sampleSize\":400,"
          + "\"features\":[{\"feature\":\"score\",\"kind\":\"numeric\",\"counts\":[0,0,0,400]}]}");
      WindowResult histogram = e.readResults().get(0);
      assertThat(histogram.closedBy()).isEqualTo("histogram");
      assertThat(stat(histogram, "score", "PSI").value()).isCloseTo(psi, within(1e-9));
    }
  }

  @Test
  void aTimeWindowClosesWhenStreamTimePassesItsEndPlusGrace() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(
        new WindowSpec(Duration.ofMinutes(1), 0, Duration.ofSeconds(5))))) {
      e.version("fraud", 1, "HIGH", PROFILE, List.of());
      for (int i = 0; i < 200; i++) {
        e.observe("fraud", 1, T0.plusMillis(i * 100L), 0.5 + i % 4);
      }
      e.observe("fraud", 1, T0.plusSeconds(64), 0.5); // next window, within grace of the first
      e.advance(Duration.ofMillis(150));
      assertThat(e.readResults()).as("still within grace").isEmpty();
      e.observe("fraud", 1, T0.plusSeconds(65), 1.5); // stream time reaches end + grace
      e.advance(Duration.ofMillis(150));
      List<WindowResult> results = e.readResults();
      assertThat(results).hasSize(1);
      assertThat(results.get(0).closedBy()).isEqualTo("time");
      assertThat(results.get(0).windowStart()).isEqualTo(T0);
      assertThat(results.get(0).windowEnd()).isEqualTo(T0.plusSeconds(60));
      assertThat(results.get(0).sampleSize()).isEqualTo(200);
      assertThat(stat(results.get(0), "x", "PSI").value()).isCloseTo(0, within(1e-12));

      // an observation of the closed window is late: dead-lettered, not counted
      e.observe("fraud", 1, T0.plusSeconds(30), 0.5);
      List<TestRecord<String, byte[]>> dead = e.telemetryDlq.readRecordsToList();
      assertThat(dead).hasSize(1);
      assertThat(header(dead.get(0), "gatehouse_dlq_code")).isEqualTo("late");
      assertThat(header(dead.get(0), "gatehouse_dlq_reason")).contains("which is closed");
    }
  }

  @Test
  void whenTelemetryStopsTheClockClosesTheWindowAfterTheIdleTimeout() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(
        new WindowSpec(Duration.ofMinutes(1), 0, Duration.ofSeconds(5))))) {
      e.version("fraud", 1, "HIGH", PROFILE, List.of());
      for (int i = 0; i < 150; i++) {
        e.observe("fraud", 1, T0.plusMillis(i), 0.5 + i % 4);
      }
      e.advance(Duration.ofSeconds(30));
      assertThat(e.readResults()).as("the window is not over yet by the clock").isEmpty();
      e.advance(Duration.ofSeconds(36)); // clock at T0 + 66 s: past end + grace, and idle for longer than 2 s
      List<WindowResult> results = e.readResults();
      assertThat(results).hasSize(1);
      assertThat(results.get(0).closedBy()).isEqualTo("idle");
      assertThat(results.get(0).sampleSize()).isEqualTo(150);
    }
  }

  @Test
  void aCountOrTimeWindowClosesAtWhicheverComesFirst() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(Duration.ofSeconds(10), 1000, null)))) {
      e.version("fraud", 1, "HIGH", PROFILE, List.of());
      for (int i = 0; i < 300; i++) {
        e.observe("fraud", 1, T0.plusMillis(i * 10L), 0.5 + i % 4);
      }
      e.observe("fraud", 1, T0.plusSeconds(11), 0.5); // time is up for the first window: it closes with 300
      List<WindowResult> results = e.readResults();
      assertThat(results).extracting(WindowResult::sampleSize).containsExactly(300L);
      assertThat(results.get(0).closedBy()).isEqualTo("time");
      for (int i = 0; i < 999; i++) {
        e.observe("fraud", 1, T0.plusSeconds(11).plusMillis(i), 0.5);
      }
      results = e.readResults();
      assertThat(results).extracting(WindowResult::sampleSize).containsExactly(1000L);
      assertThat(results.get(0).closedBy()).isEqualTo("count");
      assertThat(results.get(0).resultId()).isEqualTo("window:fraud/1/2");
    }
  }

  @Test
  void unknownModelsMissingProfilesAndMalformedInputGoToTheDeadLetterTopicWithTheirReason() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 10, null)))) {
      e.version("fraud", 1, "HIGH", PROFILE, List.of());
      e.version("fraud", 2, "HIGH", List.of(), List.of());
      e.observe("nobody", 1, T0, 1.0);
      e.observe("fraud", 2, T0, 1.0);
      e.send("fraud", InputType.OBSERVATION, "{\"modelName\":\"fraud\",\"version\":1,\"features\":{}}");
      e.send("fraud", InputType.OBSERVATION, "{not json");
      e.send("fraud", InputType.OBSERVATION, "{\"modelName\":\"fraud\",\"version\":1,\"timestamp\":\"" + T0
          + "\",\"features\":{\"x\":{\"nested\":1}}}");
      e.telemetry.pipeInput(new TestRecord<>("fraud", "{}".getBytes(), new org.apache.kafka.common.header.internals.RecordHeaders(), T0));
      e.send("fraud", InputType.DRIFT_SIGNAL, "{}"); // a drift signal on the telemetry topic is refused there
      e.telemetry.pipeInput(new TestRecord<>("fraud", "{}".getBytes(), EngineFixture.headers(InputType.DRIFT_SIGNAL), T0));

      List<TestRecord<String, byte[]>> dead = e.telemetryDlq.readRecordsToList();
      assertThat(dead).extracting(r -> header(r, "gatehouse_dlq_code")).containsExactly(
          "unknown-model", "no-reference-profile", "bad-payload", "bad-payload", "bad-payload", "missing-header",
          "unknown-type");
      assertThat(header(dead.get(2), "gatehouse_dlq_reason")).isEqualTo("timestamp is missing");
      assertThat(header(dead.get(4), "gatehouse_dlq_reason")).contains("feature x must be a number, string, boolean or null");
      assertThat(header(dead.get(0), "ce_type")).as("the original headers travel along").isEqualTo(InputType.OBSERVATION.type());
      assertThat(header(dead.get(0), "gatehouse_dlq_consumer")).isEqualTo("monitoring-test");
      assertThat(e.meters.counter("gatehouse.consumer.dead.letters", "topic", EngineTopics.TELEMETRY, "reason",
          "bad-payload").count()).isEqualTo(3);
      assertThat(e.readResults()).isEmpty();
      // the engine goes on
      for (int i = 0; i < 10; i++) {
        e.observe("fraud", 1, T0, 1.5);
      }
      assertThat(e.readResults()).hasSize(1);
    }
  }

  @Test
  void aRecordNotKeyedByItsModelIsRekeyedAndCountedAll() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 4, null), 1))) {
      e.version("fraud", 1, "HIGH", PROFILE, List.of());
      e.send(null, InputType.OBSERVATION, EngineFixture.observation("fraud", 1, T0, 0.5));
      e.send("some-host", InputType.OBSERVATION, EngineFixture.observation("fraud", 1, T0, 1.5));
      e.send("fraud", InputType.OBSERVATION, EngineFixture.observation("fraud", 1, T0, 2.5));
      e.send("fraud", InputType.OBSERVATION, EngineFixture.observation("fraud", 1, T0, 3.5));
      List<WindowResult> results = e.readResults();
      assertThat(results).hasSize(1);
      assertThat(results.get(0).sampleSize()).isEqualTo(4);
      assertThat(stat(results.get(0), "x", "PSI").value()).isCloseTo(0, within(1e-12));
    }
  }

  @Test
  void aNewReferenceProfileClosesTheWindowCountedOnTheOldOne() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 100, null)))) {
      e.version("fraud", 1, "HIGH", PROFILE, List.of());
      for (int i = 0; i < 30; i++) {
        e.observe("fraud", 1, T0, 0.5);
      }
      e.version("fraud", 1, "HIGH", List.of(new FeatureHistogram("x", "numeric", List.of(0.0, 2.0, 4.0), List.of(),
          List.of(5L, 5L))), List.of());
      e.observe("fraud", 1, T0, 0.5);
      List<WindowResult> results = e.readResults();
      assertThat(results).hasSize(1);
      assertThat(results.get(0).closedBy()).isEqualTo("reference-changed");
      assertThat(results.get(0).sampleSize()).isEqualTo(30);
      assertThat(results.get(0).statistics()).isEmpty();
    }
  }

  @Test
  void categoricalFeaturesAreJudgedByJensenShannonWithUnseenCategoriesAsOther() {
    List<FeatureHistogram> profile = List.of(new FeatureHistogram("type", "categorical", List.of(),
        List.of("a", "b"), List.of(50L, 50L)));
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 100, null)))) {
      e.version("fraud", 1, "LOW", profile, List.of());
      for (int i = 0; i < 100; i++) {
        String v = i < 50 ? "a" : "zz-new";
        e.send("fraud", InputType.OBSERVATION, "{\"modelName\":\"fraud\",\"version\":1,\"timestamp\":\"" + T0
            + "\",\"features\":{\"type\":\"" + v + "\"}}");
      }
      WindowResult r = e.readResults().get(0);
      // p = .5 .5 0, q = .5 0 .5: JSD = .5 KL(p||m) + .5 KL(q||m), m = .5 .25 .25 -> each KL = .5 log2 2 = .5
      assertThat(stat(r, "type", "JS").value()).isCloseTo(Math.sqrt(0.5), within(1e-12));
    }
  }

  @Test
  void missingAndMistypedValuesAreCountedAsMissingAndTooFewValuesGiveNoStatistic() {
    List<FeatureHistogram> profile = List.of(PROFILE.get(0), new FeatureHistogram("y", "numeric",
        List.of(0.0, 1.0), List.of(), List.of(10L)));
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 150, null)))) {
      e.version("fraud", 1, "LOW", profile, List.of());
      for (int i = 0; i < 150; i++) {
        String y = i < 20 ? "0.5" : i < 40 ? "\"text\"" : "null";
        e.send("fraud", InputType.OBSERVATION, "{\"modelName\":\"fraud\",\"version\":1,\"timestamp\":\"" + T0
            + "\",\"features\":{\"x\":1.5,\"y\":" + y + ",\"unknown\":3}}");
      }
      WindowResult r = e.readResults().get(0);
      assertThat(stat(r, "x", "PSI").missing()).isZero();
      assertThat(r.skipped()).containsExactly("y"); // 20 usable values, fewer than the minimum of 100
    }
  }

  @Test
  void aWindowHistogramIsEvaluatedAsItComes() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(Duration.ofHours(1), 0, null)))) {
      e.version("fraud", 1, "HIGH", PROFILE, List.of());
      e.send("fraud", InputType.WINDOW_HISTOGRAM, """
          {"modelName":"fraud","version":1,"windowStart":"2026-11-22T10:00:00Z","windowEnd":"2026-11-22T11:00:00Z",
           "sampleSize":1000,"features":[{"feature":"x","kind":"numeric","counts":[100,100,0,800]}]}""");
      WindowResult r = e.readResults().get(0);
      assertThat(r.closedBy()).isEqualTo("histogram");
      assertThat(r.sampleSize()).isEqualTo(1000);
      assertThat(stat(r, "x", "PSI").value()).isCloseTo(
          DriftStatistics.psi(new long[] {250, 250, 250, 250}, new long[] {100, 100, 0, 800}), within(1e-12));
      e.send("fraud", InputType.WINDOW_HISTOGRAM, """
          {"modelName":"fraud","version":1,"windowStart":"2026-11-22T10:00:00Z","windowEnd":"2026-11-22T11:00:00Z",
           "sampleSize":1000,"features":[{"feature":"x","kind":"numeric","binEdges":[0,5,10],"counts":[500,500]}]}""");
      assertThat(header(e.telemetryDlq.readRecord(), "gatehouse_dlq_code")).isEqualTo("bins-mismatch");
    }
  }

  @Test
  void labelsInlineAndLaterGivePerformanceFigures() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 4, null)))) {
      e.version("fraud", 1, "HIGH", PROFILE, List.of(new ObservedValue("metrics.accuracy", 0.9)));
      String base = "{\"modelName\":\"fraud\",\"version\":1,\"timestamp\":\"" + T0 + "\",\"features\":{\"x\":1.5}";
      e.send("fraud", InputType.OBSERVATION, base + ",\"prediction\":1,\"score\":0.9,\"label\":1}");
      e.send("fraud", InputType.OBSERVATION, base + ",\"prediction\":1,\"score\":0.8,\"label\":0}");
      e.send("fraud", InputType.OBSERVATION, base + ",\"predictionId\":\"p3\",\"prediction\":0,\"score\":0.2}");
      e.send("fraud", InputType.LABEL, "{\"modelName\":\"fraud\",\"version\":1,\"predictionId\":\"p3\",\"label\":1,"
          + "\"timestamp\":\"" + T0.plusSeconds(5) + "\"}");
      e.send("fraud", InputType.LABEL, "{\"modelName\":\"fraud\",\"version\":1,\"predictionId\":\"p3\",\"label\":1,"
          + "\"timestamp\":\"" + T0.plusSeconds(6) + "\"}");
      e.send("fraud", InputType.OBSERVATION, base + ",\"prediction\":0,\"score\":0.1,\"label\":false}");
      WindowResult r = e.readResults().get(0);
      // labelled: (1,1) (1,0) (0,1 later) (0,0): accuracy 2/4, precision 1/2, recall 1/2
      assertThat(r.performance().labelled()).isEqualTo(4);
      assertThat(metric(r, "accuracy")).isEqualTo(0.5);
      assertThat(metric(r, "precision")).isEqualTo(0.5);
      assertThat(metric(r, "recall")).isEqualTo(0.5);
      // Brier: (.1² + .8² + .8² + .1²) / 4 = 1.3 / 4
      assertThat(metric(r, "brier")).isCloseTo(0.325, within(1e-12));
      // AUC: positives .9 .2, negatives .8 .1: pairs won (.9>.8)(.9>.1)(.2>.1) = 3 of 4
      assertThat(metric(r, "roc_auc")).isCloseTo(0.75, within(1e-12));
      assertThat(header(e.telemetryDlq.readRecord(), "gatehouse_dlq_code")).as("the second label of p3")
          .isEqualTo("unknown-prediction");
    }
  }

  @Test
  void driftSignalsOfKnownVersionsPassAndOthersAreDeadLettered() {
    try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 4, null)))) {
      e.version("fraud", 1, "HIGH", List.of(), List.of());
      String signal = """
          {"signalId":"ev-1","modelName":"%s","version":1,"status":"firing","feature":"x","statistic":"PSI",
           "value":0.4,"threshold":0.25,"severity":"ACT","windowStart":"2026-11-22T09:00:00Z",
           "windowEnd":"2026-11-22T10:00:00Z","sampleSize":5000,"source":"evidently","observedAt":"2026-11-22T10:00:01Z"}""";
      e.send("fraud", InputType.DRIFT_SIGNAL, signal.formatted("fraud"));
      e.send("other", InputType.DRIFT_SIGNAL, signal.formatted("other"));
      e.send("fraud", InputType.DRIFT_SIGNAL, signal.formatted("fraud").replace("\"PSI\"", "\"wasserstein\""));
      List<WindowResult> results = e.readResults();
      assertThat(results).hasSize(1);
      assertThat(results.get(0).kind()).isEqualTo("signal");
      assertThat(results.get(0).signal().value()).isEqualTo(0.4);
      assertThat(results.get(0).signal().firing()).isTrue();
      assertThat(e.signalsDlq.readRecordsToList()).extracting(r -> header(r, "gatehouse_dlq_code"))
          .containsExactly("unknown-model", "bad-payload");
    }
  }

  /**
   * Through the topology: per seed a reference of 10,000 normal values in 10 equal-width bins, one
   * window of 500 fresh observations and one of 500 shifted by one standard deviation (20 seeds here,
   * because the test driver commits after every record; WindowDetectionTest runs 200 seeds of the
   * same counting and evaluation without Kafka).
   */
  @Test
  void throughTheEngineAShiftIsDetectedAndAFreshSampleIsNot() {
    int seeds = 20;
    int falseAlarms = 0;
    int detected = 0;
    for (int seed = 0; seed < seeds; seed++) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(7_000 + seed);
      var ref = io.gatehouse.monitoring.drift.domain.Synthetic.equalWidth("x",
          io.gatehouse.monitoring.drift.domain.Synthetic.normal(random, 10_000, 100, 15), 10);
      try (EngineFixture e = new EngineFixture(EngineFixture.settings(new WindowSpec(null, 500, null)))) {
        e.version("m", 1, "HIGH", List.of(new FeatureHistogram("x", "numeric", ref.edges(), List.of(), ref.counts())),
            List.of());
        for (double x : io.gatehouse.monitoring.drift.domain.Synthetic.normal(random, 500, 100, 15)) {
          e.observe("m", 1, T0, x);
        }
        for (double x : io.gatehouse.monitoring.drift.domain.Synthetic.normal(random, 500, 115, 15)) {
          e.observe("m", 1, T0, x);
        }
        List<WindowResult> r = e.readResults();
        assertThat(r).hasSize(2);
        if (r.get(0).statistics().stream().anyMatch(s -> s.value() >= 0.10)) {
          falseAlarms++;
        }
        if (stat(r.get(1), "x", "PSI").value() >= 0.25 && stat(r.get(1), "x", "KS").value() >= 0.20) {
          detected++;
        }
      }
    }
    System.out.printf("engine, %d seeds, windows of 500: false alarms %d, 1 sd shift at act %d/%d%n", seeds,
        falseAlarms, detected, seeds);
    assertThat(falseAlarms).isZero();
    assertThat(detected).isEqualTo(seeds);
  }

  static WindowResult.Stat stat(WindowResult r, String feature, String statistic) {
    return r.statistics().stream().filter(s -> s.feature().equals(feature) && s.statistic().equals(statistic))
        .findFirst().orElseThrow(() -> new AssertionError("no " + statistic + " of " + feature + " in " + r));
  }

  static double metric(WindowResult r, String name) {
    return r.performance().metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
  }

  static String header(TestRecord<String, byte[]> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
