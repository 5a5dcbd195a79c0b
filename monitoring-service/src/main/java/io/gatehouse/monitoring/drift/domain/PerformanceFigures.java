package io.gatehouse.monitoring.drift.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Production performance of one window, from the observations that carried (or were later given) a
 * label. Names are validation-service's metric names.
 *
 * @param labelled labelled observations with a prediction
 * @param scored labelled observations with a score in [0, 1]
 * @param metrics accuracy, precision, recall, f1 (from predictions), brier and roc_auc (from scores),
 *     each only when defined
 * @param aucErrorBound roc_auc is computed on 100 score bins, ties within a bin counted as one half;
 *     the exact value lies within plus or minus this bound
 */
public record PerformanceFigures(long labelled, long scored, Map<String, Double> metrics, double aucErrorBound) {

  public static final PerformanceFigures NONE = new PerformanceFigures(0, 0, Map.of(), 0);

  /** Metrics where lower is better; for every other one, higher is better. */
  public static boolean lowerIsBetter(String metric) {
    return metric.equals("brier") || metric.equals("log_loss") || metric.equals("ece");
  }

  static PerformanceFigures of(byte[] state) {
    long labelled = WindowLayout.get(state, WindowLayout.LABELLED);
    long scored = WindowLayout.get(state, WindowLayout.SCORED);
    Map<String, Double> m = new LinkedHashMap<>();
    if (labelled > 0) {
      long tp = WindowLayout.get(state, WindowLayout.TP);
      long fp = WindowLayout.get(state, WindowLayout.FP);
      long fn = WindowLayout.get(state, WindowLayout.FN);
      m.put("accuracy", (double) WindowLayout.get(state, WindowLayout.CORRECT) / labelled);
      Double precision = tp + fp == 0 ? null : (double) tp / (tp + fp);
      Double recall = tp + fn == 0 ? null : (double) tp / (tp + fn);
      if (precision != null) {
        m.put("precision", precision);
      }
      if (recall != null) {
        m.put("recall", recall);
      }
      if (precision != null && recall != null && precision + recall > 0) {
        m.put("f1", 2 * precision * recall / (precision + recall));
      }
    }
    double bound = 0;
    if (scored > 0) {
      m.put("brier", WindowLayout.getDouble(state, WindowLayout.BRIER_SUM) / scored);
      long positives = 0;
      long negatives = 0;
      for (int b = 0; b < WindowLayout.AUC_BINS; b++) {
        positives += WindowLayout.get(state, WindowLayout.AUC_POSITIVES + b);
        negatives += WindowLayout.get(state, WindowLayout.AUC_NEGATIVES + b);
      }
      if (positives > 0 && negatives > 0) {
        double wins = 0;
        double ties = 0;
        long negativesBelow = 0;
        for (int b = 0; b < WindowLayout.AUC_BINS; b++) {
          long pos = WindowLayout.get(state, WindowLayout.AUC_POSITIVES + b);
          long neg = WindowLayout.get(state, WindowLayout.AUC_NEGATIVES + b);
          wins += (double) pos * negativesBelow;
          ties += (double) pos * neg;
          negativesBelow += neg;
        }
        double pairs = (double) positives * negatives;
        m.put("roc_auc", (wins + ties / 2) / pairs);
        bound = ties / 2 / pairs;
      }
    }
    return new PerformanceFigures(labelled, scored, Map.copyOf(m), bound);
  }
}
