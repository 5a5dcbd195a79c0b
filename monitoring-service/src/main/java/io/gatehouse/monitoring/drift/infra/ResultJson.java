package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.monitoring.drift.domain.FeatureFigure;
import io.gatehouse.monitoring.drift.domain.WindowFigures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Closed windows as {@link WindowResult}s, and their JSON. */
final class ResultJson {

  private ResultJson() {}

  static WindowResult window(String resultId, String model, int version, WindowFigures f, long closedAt,
      String closedBy) {
    List<WindowResult.Stat> stats = new ArrayList<>();
    for (FeatureFigure ff : f.features()) {
      stats.add(new WindowResult.Stat(ff.feature(), ff.statistic().name(), ff.value(), ff.resolution(), ff.observed(),
          ff.missing()));
    }
    List<WindowResult.Metric> metrics = new ArrayList<>();
    for (Map.Entry<String, Double> m : f.performance().metrics().entrySet()) {
      metrics.add(new WindowResult.Metric(m.getKey(), m.getValue()));
    }
    metrics.sort(java.util.Comparator.comparing(WindowResult.Metric::name));
    return new WindowResult(resultId, "window", model, version, Instant.ofEpochMilli(f.start()),
        Instant.ofEpochMilli(f.end()), Instant.ofEpochMilli(closedAt), f.sampleSize(), closedBy, stats, f.skipped(),
        new WindowResult.Performance(f.performance().labelled(), f.performance().scored(), metrics,
            f.performance().aucErrorBound()), null);
  }

  static byte[] bytes(WindowResult r) {
    return EventJson.mapper().writeValueAsBytes(r);
  }
}
