package io.gatehouse.monitoring.drift.domain;

import io.gatehouse.monitoring.telemetry.domain.Observation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts observations into a window's state ({@link WindowLayout}): per reference feature the bin
 * of its value (or missing: absent, null, or the wrong type for the feature's kind), and, for a
 * labelled observation, the counts behind accuracy, precision, recall, Brier score and ROC AUC. A
 * feature the reference does not know is ignored. The score is counted as the reference's
 * {@value ReferenceProfile#SCORE} feature, when the profile has one.
 */
public final class WindowCounter {

  private final WindowLayout layout;
  private final ReferenceHistogram[] histograms;
  private final Map<String, Integer> index = new HashMap<>();
  private final int scoreFeature;
  private final String positiveLabel;

  public WindowCounter(WindowLayout layout, String positiveLabel) {
    this.layout = layout;
    List<ReferenceHistogram> hs = layout.profile().histograms();
    this.histograms = hs.toArray(ReferenceHistogram[]::new);
    for (int i = 0; i < hs.size(); i++) {
      index.put(hs.get(i).feature(), i);
    }
    Integer s = index.get(ReferenceProfile.SCORE);
    this.scoreFeature = s == null ? -1 : s;
    this.positiveLabel = positiveLabel;
  }

  public WindowLayout layout() {
    return layout;
  }

  public void add(byte[] state, Observation o) {
    WindowLayout.increment(state, WindowLayout.COUNT);
    long ts = o.timestampMs();
    if (ts < WindowLayout.get(state, WindowLayout.MIN_TS)) {
      WindowLayout.put(state, WindowLayout.MIN_TS, ts);
    }
    if (ts > WindowLayout.get(state, WindowLayout.MAX_TS)) {
      WindowLayout.put(state, WindowLayout.MAX_TS, ts);
    }
    // every reference feature is either binned or missing in every observation: mark as we go
    int features = histograms.length;
    long seenBits = 0;
    boolean[] seen = features > 64 ? new boolean[features] : null;
    String[] names = o.featureNames();
    Object[] values = o.featureValues();
    for (int i = 0; i < names.length; i++) {
      Integer f = index.get(names[i]);
      if (f == null || (f == scoreFeature && !Double.isNaN(o.score()))) {
        continue;
      }
      count(state, f, values[i]);
      if (seen == null) {
        seenBits |= 1L << f;
      } else {
        seen[f] = true;
      }
    }
    if (scoreFeature >= 0 && !Double.isNaN(o.score())) {
      count(state, scoreFeature, o.score());
      if (seen == null) {
        seenBits |= 1L << scoreFeature;
      } else {
        seen[scoreFeature] = true;
      }
    }
    for (int f = 0; f < features; f++) {
      boolean was = seen == null ? (seenBits & (1L << f)) != 0 : seen[f];
      if (!was) {
        WindowLayout.increment(state, layout.missingSlot(f));
      }
    }
    if (o.label() != null) {
      addLabel(state, o.prediction(), o.score(), o.label());
    }
  }

  /** Performance counts of a labelled prediction (also for a label that arrived later). */
  public void addLabel(byte[] state, String prediction, double score, String label) {
    boolean positive = positiveLabel.equals(label);
    if (prediction != null) {
      WindowLayout.increment(state, WindowLayout.LABELLED);
      if (prediction.equals(label)) {
        WindowLayout.increment(state, WindowLayout.CORRECT);
      }
      boolean predictedPositive = positiveLabel.equals(prediction);
      if (predictedPositive && positive) {
        WindowLayout.increment(state, WindowLayout.TP);
      } else if (predictedPositive) {
        WindowLayout.increment(state, WindowLayout.FP);
      } else if (positive) {
        WindowLayout.increment(state, WindowLayout.FN);
      }
    }
    if (!Double.isNaN(score) && score >= 0 && score <= 1) {
      double y = positive ? 1 : 0;
      WindowLayout.increment(state, WindowLayout.SCORED);
      WindowLayout.addDouble(state, WindowLayout.BRIER_SUM, (score - y) * (score - y));
      int bin = Math.min(WindowLayout.AUC_BINS - 1, (int) (score * WindowLayout.AUC_BINS));
      WindowLayout.increment(state, (positive ? WindowLayout.AUC_POSITIVES : WindowLayout.AUC_NEGATIVES) + bin);
    }
  }

  private void count(byte[] state, int f, Object value) {
    ReferenceHistogram h = histograms[f];
    int bin = -1;
    if (h.kind() == FeatureKind.NUMERIC) {
      if (value instanceof Double d) {
        bin = h.binOf(d);
      }
    } else if (value instanceof String s) {
      bin = h.binOf(s);
    } else if (value instanceof Double d) {
      bin = h.binOf(Observation.canonical(d));
    }
    WindowLayout.increment(state, bin < 0 ? layout.missingSlot(f) : layout.binSlot(f, bin));
  }
}
