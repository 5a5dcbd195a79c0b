package io.gatehouse.validation.evaluation.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named values of one scope (overall, a group, an attribute's fairness): each name is either defined
 * with a finite number, or undefined with the reason in words, never both and never NaN.
 */
public final class MetricSet {

  private final Map<String, Double> values = new TreeMap<>();
  private final Map<String, String> undefined = new TreeMap<>();

  public MetricSet put(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " is not finite: " + value);
    }
    values.put(name, value == 0.0 ? 0.0 : value); // no negative zero in a report
    undefined.remove(name);
    return this;
  }

  public MetricSet count(String name, long value) {
    return put(name, (double) value);
  }

  public MetricSet undefined(String name, String reason) {
    values.remove(name);
    undefined.put(name, reason);
    return this;
  }

  /** {@code numerator / denominator}, or undefined with {@code reason} when the denominator is zero. */
  public MetricSet ratio(String name, long numerator, long denominator, String reason) {
    return denominator == 0 ? undefined(name, reason) : put(name, (double) numerator / (double) denominator);
  }

  public Double get(String name) {
    return values.get(name);
  }

  public String reason(String name) {
    return undefined.get(name);
  }

  public Map<String, Double> values() {
    return Collections.unmodifiableMap(values);
  }

  public Map<String, String> undefined() {
    return Collections.unmodifiableMap(undefined);
  }
}
