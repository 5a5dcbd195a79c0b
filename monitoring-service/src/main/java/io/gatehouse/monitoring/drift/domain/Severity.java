package io.gatehouse.monitoring.drift.domain;

/** How far a statistic is over its thresholds: under warn, at or over warn, at or over act. */
public enum Severity {
  NONE,
  WARN,
  ACT;

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
