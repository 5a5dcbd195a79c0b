package io.gatehouse.monitoring.monitoredversion.domain;

import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.contracts.monitoring.DriftResolved;
import io.gatehouse.contracts.monitoring.PerformanceDegraded;
import io.gatehouse.contracts.monitoring.PerformanceRecovered;
import io.gatehouse.monitoring.drift.domain.DriftThresholds;
import io.gatehouse.monitoring.drift.domain.PerformanceFigures;
import io.gatehouse.monitoring.drift.domain.Severity;
import io.gatehouse.monitoring.drift.domain.Statistic;
import io.gatehouse.monitoring.drift.domain.Thresholds;
import io.gatehouse.monitoring.telemetry.domain.DriftSignal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The drift and performance signals open on one model version, and what a new window or an outside
 * signal changes about them.
 *
 * <ul>
 *   <li>Gatehouse's own drift: one signal per feature and statistic. A window at or over warn opens
 *       it ({@code DriftDetected}); a later window at act while it is open at warn raises it (a new
 *       {@code DriftDetected} at ACT: approval acts on that); a window under warn resolves it
 *       ({@code DriftResolved}). A window between warn and act while open at act changes nothing.
 *   <li>Outside drift signals (external detectors, Alertmanager) are keyed by source and signal id:
 *       firing opens or raises, resolved resolves; a repeated notification at the same severity
 *       changes nothing (Alertmanager repeats firing alerts every repeat interval).
 *   <li>Performance: a metric further from validation's figure than the tolerance, in the wrong
 *       direction, is degraded ({@code PerformanceDegraded}) once until it is back within it
 *       ({@code PerformanceRecovered}, same signal id).
 * </ul>
 */
public final class SignalBook {

  /** The source name of Gatehouse's own signals. */
  public static final String GATEHOUSE = "gatehouse";

  /** An open drift signal. */
  public record Open(String signalId, String feature, String statistic, Severity severity, String source) {}

  private final Map<String, Open> drift = new HashMap<>();
  private final Map<String, String> degraded = new HashMap<>();

  public static String driftKey(String source, String signalId, String feature, String statistic) {
    return GATEHOUSE.equals(source) ? GATEHOUSE + "|" + feature + "|" + statistic : source + "|" + signalId;
  }

  public static String performanceKey(String signalId, String metric) {
    return signalId.startsWith(GATEHOUSE + "-") ? GATEHOUSE + "|" + metric : signalId;
  }

  public Map<String, Open> openDrift() {
    return Map.copyOf(drift);
  }

  public Map<String, String> degradedMetrics() {
    return Map.copyOf(degraded);
  }

  // --- applying events (also on replay) -------------------------------------------------------

  public void on(DriftDetected e) {
    drift.put(driftKey(e.source(), e.signalId(), e.feature(), e.statistic()),
        new Open(e.signalId(), e.feature(), e.statistic(), Severity.valueOf(e.severity()), e.source()));
  }

  public void on(DriftResolved e) {
    drift.values().removeIf(o -> o.signalId().equals(e.signalId()) && o.feature().equals(e.feature())
        && o.statistic().equals(e.statistic()));
  }

  public void on(PerformanceDegraded e) {
    degraded.put(performanceKey(e.signalId(), e.metric()), e.signalId());
  }

  public void on(PerformanceRecovered e) {
    degraded.remove(performanceKey(e.signalId(), e.metric()));
  }

  /** The internal event stored before {@link PerformanceRecovered} was published. */
  public void on(io.gatehouse.monitoring.monitoredversion.api.PerformanceRecovered e) {
    degraded.remove(e.key());
  }

  // --- decisions ------------------------------------------------------------------------------

  /** A feature's statistic over a window, as the engine measured it. */
  public record Measured(String feature, String statistic, double value) {}

  /**
   * The events a closed window of Gatehouse's engine causes. Signal ids are derived from the window's
   * result id, so judging the same window twice gives the same ids.
   */
  public List<Object> assessWindow(String modelName, int version, String resultId, Instant windowStart,
      Instant windowEnd, long sampleSize, List<Measured> statistics, DriftThresholds thresholds, Instant at) {
    List<Object> events = new ArrayList<>();
    for (Measured m : statistics) {
      Statistic statistic = Statistic.parse(m.statistic()).orElse(null);
      if (statistic == null || !Double.isFinite(m.value())) {
        continue;
      }
      Thresholds t = thresholds.of(statistic);
      Severity severity = t.severity(m.value());
      String key = driftKey(GATEHOUSE, null, m.feature(), statistic.name());
      Open open = drift.get(key);
      if (severity != Severity.NONE && (open == null || severity.compareTo(open.severity()) > 0)) {
        events.add(new DriftDetected(signalId(resultId, m.feature(), statistic.name()), modelName, version, m.feature(),
            statistic.name(), m.value(), t.levelOf(severity), severity.name(), windowStart, windowEnd, sampleSize,
            GATEHOUSE, at));
      } else if (severity == Severity.NONE && open != null) {
        events.add(new DriftResolved(open.signalId(), modelName, version, m.feature(), statistic.name(), m.value(),
            t.warn(), windowStart, windowEnd, at));
      }
    }
    return events;
  }

  /**
   * The events windowed performance causes against validation's figures ({@code baseline}, by metric
   * name). Only metrics with a figure are judged, and only with at least {@code minLabelled} labels.
   */
  public List<Object> assessPerformance(String modelName, int version, String resultId, Instant windowStart,
      Instant windowEnd, long labelled, Map<String, Double> metrics, Map<String, Double> baseline, double tolerance,
      long minLabelled, Instant at) {
    List<Object> events = new ArrayList<>();
    if (labelled < Math.max(1, minLabelled)) {
      return events;
    }
    for (Map.Entry<String, Double> m : metrics.entrySet()) {
      Double expected = baseline.get(m.getKey());
      if (expected == null || !Double.isFinite(m.getValue())) {
        continue;
      }
      double observed = m.getValue();
      boolean worse = PerformanceFigures.lowerIsBetter(m.getKey()) ? observed - expected > tolerance
          : expected - observed > tolerance;
      String key = GATEHOUSE + "|" + m.getKey();
      if (worse && !degraded.containsKey(key)) {
        events.add(new PerformanceDegraded(GATEHOUSE + "-" + uuid(resultId + "|" + m.getKey()), modelName, version,
            m.getKey(), observed, expected, tolerance, windowStart, windowEnd, labelled, at));
      } else if (!worse && degraded.containsKey(key)) {
        events.add(new PerformanceRecovered(degraded.get(key), modelName, version, m.getKey(), observed, expected,
            tolerance, windowStart, windowEnd, labelled, at));
      }
    }
    return events;
  }

  /** The events an outside drift signal causes. */
  public List<Object> recordSignal(DriftSignal s, Instant at) {
    String statistic = Statistic.parse(s.statistic()).map(Enum::name).orElse(s.statistic().toUpperCase(Locale.ROOT));
    String key = driftKey(s.source(), s.signalId(), s.feature(), statistic);
    Open open = drift.get(key);
    Severity severity = "ACT".equals(s.severity()) ? Severity.ACT : Severity.WARN;
    if (s.firing() && (open == null || severity.compareTo(open.severity()) > 0)) {
      return List.of(new DriftDetected(s.signalId(), s.modelName(), s.version(), s.feature(), statistic, s.value(),
          s.threshold(), severity.name(), s.windowStart(), s.windowEnd(), s.sampleSize(), s.source(), at));
    }
    if (!s.firing() && open != null) {
      return List.of(new DriftResolved(open.signalId(), s.modelName(), s.version(), open.feature(), open.statistic(),
          s.value(), s.threshold(), s.windowStart(), s.windowEnd(), at));
    }
    return List.of();
  }

  /** The events an outside performance signal causes; its id identifies it across firing and resolved. */
  public List<Object> recordPerformanceSignal(String modelName, int version, String signalId, boolean firing,
      String metric, double observed, double expected, double tolerance, Instant windowStart, Instant windowEnd,
      long sampleSize, Instant at) {
    String key = performanceKey(signalId, metric);
    if (firing && !degraded.containsKey(key)) {
      return List.of(new PerformanceDegraded(signalId, modelName, version, metric, observed, expected, tolerance,
          windowStart, windowEnd, sampleSize, at));
    }
    if (!firing && degraded.containsKey(key)) {
      return List.of(new PerformanceRecovered(degraded.get(key), modelName, version, metric, observed, expected,
          tolerance, windowStart, windowEnd, sampleSize, at));
    }
    return List.of();
  }

  private static String signalId(String resultId, String feature, String statistic) {
    return GATEHOUSE + "-" + uuid(resultId + "|" + feature + "|" + statistic);
  }

  private static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
