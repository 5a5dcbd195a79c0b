package io.gatehouse.monitoring.telemetry.domain;

/**
 * One production prediction. Feature values are {@link Double} (numbers), {@link String} (strings,
 * and booleans as {@code true}/{@code false}) or null. Prediction and label are text: numbers in
 * their shortest form ({@code 1}, not {@code 1.0}), booleans as {@code 1}/{@code 0}.
 *
 * @param score NaN when absent
 */
public record Observation(
    String modelName,
    int version,
    String predictionId,
    long timestampMs,
    String[] featureNames,
    Object[] featureValues,
    String prediction,
    double score,
    String label) {

  public int featureCount() {
    return featureNames.length;
  }

  /** A number in the text form predictions, labels and categories use: integral values without a fraction. */
  public static String canonical(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
