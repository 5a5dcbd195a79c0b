package io.gatehouse.monitoring.alertmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertMappingTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:05:00Z");

  static AlertmanagerPayload.Alert alert(String status, Map<String, String> labels, Map<String, String> annotations,
      String endsAt) {
    return new AlertmanagerPayload.Alert(status, labels, annotations, "2026-11-22T10:00:00Z", endsAt, null, "f00d");
  }

  @Test
  void aFiringDriftAlertIsADriftSignalWithItsNumbers() {
    AlertSignal s = AlertMapping.map(0, alert("firing", Map.of("model", "m", "version", "2", "feature", "age",
        "statistic", "kolmogorov-smirnov", "severity", "warning"), Map.of("value", "0.17", "threshold", "0.1",
        "sample_size", "900"), "0001-01-01T00:00:00Z"), NOW);
    assertThat(s).isInstanceOf(AlertSignal.Drift.class);
    var d = ((AlertSignal.Drift) s).signal();
    assertThat(d.statistic()).isEqualTo("KS");
    assertThat(d.severity()).isEqualTo("WARN");
    assertThat(d.value()).isEqualTo(0.17);
    assertThat(d.threshold()).isEqualTo(0.1);
    assertThat(d.sampleSize()).isEqualTo(900);
    assertThat(d.firing()).isTrue();
    assertThat(d.windowEnd()).as("firing: up to the notification").isEqualTo(NOW);
    assertThat(d.signalId()).isEqualTo("alertmanager-f00d-" + Instant.parse("2026-11-22T10:00:00Z").getEpochSecond());
  }

  @Test
  void aResolvedAlertKeepsItsSignalIdAndEndsAtItsEnd() {
    AlertSignal s = AlertMapping.map(0, alert("resolved", Map.of("model_name", "m", "model_version", "2",
        "gatehouse_signal", "drift", "feature", "age", "statistic", "PSI", "severity", "critical"), Map.of(),
        "2026-11-22T10:04:00Z"), NOW);
    var d = ((AlertSignal.Drift) s).signal();
    assertThat(d.firing()).isFalse();
    assertThat(d.severity()).isEqualTo("ACT");
    assertThat(d.windowEnd()).isEqualTo(Instant.parse("2026-11-22T10:04:00Z"));
    assertThat(d.value()).as("a resolved alert without a value").isZero();
  }

  @Test
  void performanceNotOursAndUnusableAlerts() {
    assertThat(AlertMapping.map(0, alert("firing", Map.of("model", "m", "version", "1", "metric", "recall"),
        Map.of("value", "0.5", "expected", "0.7"), null), NOW)).isInstanceOf(AlertSignal.Performance.class);
    assertThat(AlertMapping.map(0, alert("firing", Map.of("alertname", "DiskFull"), Map.of(), null), NOW))
        .isInstanceOf(AlertSignal.NotOurs.class);
    assertThat(reason(alert("firing", Map.of("model", "m", "version", "x1", "feature", "a"), Map.of("value", "1"), null)))
        .isEqualTo("bad-payload");
    assertThat(reason(alert("firing", Map.of("model", "m", "version", "1"), Map.of("value", "1"), null)))
        .isEqualTo("unknown-signal-kind");
    assertThat(reason(alert("firing", Map.of("model", "m", "version", "1", "feature", "a", "statistic", "wasserstein"),
        Map.of("value", "1"), null))).isEqualTo("unsupported-statistic");
    assertThat(reason(alert("firing", Map.of("model", "m", "version", "1", "feature", "a", "statistic", "PSI"),
        Map.of(), null))).as("no value while firing").isEqualTo("bad-payload");
    assertThat(reason(alert("firing", Map.of("model", "m", "version", "1", "metric", "auc"), Map.of("value", "0.5"),
        null))).as("no expected value").isEqualTo("bad-payload");
  }

  @Test
  void aGroupIsUnpackedAlertByAlert() {
    AlertmanagerPayload p = new AlertmanagerPayload("4", "{}", 0, "firing", "gatehouse", Map.of(), Map.of(), Map.of(),
        "http://am", java.util.List.of(
            alert("firing", Map.of("model", "m", "version", "1", "feature", "a", "statistic", "JS"), Map.of("value", "0.3"), null),
            alert("resolved", Map.of("model", "m", "version", "1", "feature", "b", "statistic", "JS"), Map.of(), null),
            alert("firing", Map.of("job", "x"), Map.of(), null)));
    assertThat(AlertMapping.map(p, NOW)).extracting(AlertSignal::index).containsExactly(0, 1, 2);
    assertThat(AlertMapping.map(p, NOW).get(2)).isInstanceOf(AlertSignal.NotOurs.class);
  }

  private static String reason(AlertmanagerPayload.Alert a) {
    AlertSignal s = AlertMapping.map(0, a, NOW);
    assertThat(s).isInstanceOf(AlertSignal.Unusable.class);
    return ((AlertSignal.Unusable) s).reason();
  }
}
