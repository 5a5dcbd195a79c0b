package io.gatehouse.monitoring.drift.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a closed window measured: its span, size, the drift statistics of every feature against the
 * reference, and performance where labels were given.
 *
 * @param firstObservation the earliest observation timestamp (epoch ms) in the window
 * @param lastObservation the latest one
 * @param skipped features with too few usable values for a statistic ({@code minSample})
 */
public record WindowFigures(long start, long end, long sampleSize, long firstObservation, long lastObservation,
    List<FeatureFigure> features, List<String> skipped, PerformanceFigures performance) {

  /**
   * Evaluates a window's counts against the layout's reference profile. A feature with fewer than
   * {@code minSample} usable values gets no statistic (a handful of values says nothing about a
   * distribution) and is listed in {@code skipped}.
   */
  public static WindowFigures evaluate(WindowLayout layout, byte[] state, long end, long minSample) {
    List<FeatureFigure> figures = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<ReferenceHistogram> hs = layout.profile().histograms();
    for (int f = 0; f < hs.size(); f++) {
      ReferenceHistogram h = hs.get(f);
      long[] counts = layout.featureCounts(state, f);
      long observed = 0;
      for (long c : counts) {
        observed += c;
      }
      long missing = WindowLayout.get(state, layout.missingSlot(f));
      if (observed < Math.max(1, minSample)) {
        skipped.add(h.feature());
        continue;
      }
      for (Statistic s : h.statistics()) {
        double resolution = s == Statistic.KS ? DriftStatistics.ksResolution(h.referenceCounts(), counts) : 0;
        figures.add(new FeatureFigure(h.feature(), s, h.statistic(s, counts), resolution, observed, missing));
      }
    }
    return new WindowFigures(WindowLayout.get(state, WindowLayout.START), end,
        WindowLayout.get(state, WindowLayout.COUNT), WindowLayout.get(state, WindowLayout.MIN_TS),
        WindowLayout.get(state, WindowLayout.MAX_TS), List.copyOf(figures), List.copyOf(skipped),
        PerformanceFigures.of(state));
  }

  /** Evaluates counts a producer aggregated itself (one array per profile feature, null if absent). */
  public static WindowFigures evaluate(ReferenceProfile profile, long[][] counts, long start, long end,
      long sampleSize, long minSample) {
    List<FeatureFigure> figures = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<ReferenceHistogram> hs = profile.histograms();
    for (int f = 0; f < hs.size(); f++) {
      ReferenceHistogram h = hs.get(f);
      if (counts[f] == null) {
        continue;
      }
      long observed = 0;
      for (long c : counts[f]) {
        observed += c;
      }
      if (observed < Math.max(1, minSample)) {
        skipped.add(h.feature());
        continue;
      }
      for (Statistic s : h.statistics()) {
        double resolution = s == Statistic.KS ? DriftStatistics.ksResolution(h.referenceCounts(), counts[f]) : 0;
        figures.add(new FeatureFigure(h.feature(), s, h.statistic(s, counts[f]), resolution, observed,
            Math.max(0, sampleSize - observed)));
      }
    }
    return new WindowFigures(start, end, sampleSize, start, end, List.copyOf(figures), List.copyOf(skipped),
        PerformanceFigures.NONE);
  }
}
