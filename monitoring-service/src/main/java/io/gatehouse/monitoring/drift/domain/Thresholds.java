package io.gatehouse.monitoring.drift.domain;

/**
 * Warn and act levels of one statistic. A value at or over a level reaches it (the same comparison
 * approval-service applies to a signal's value).
 */
public record Thresholds(double warn, double act) {

  public Thresholds {
    if (!(warn >= 0) || !(act >= warn) || Double.isInfinite(act)) {
      throw new IllegalArgumentException("thresholds need 0 <= warn <= act, finite; were warn " + warn + ", act " + act);
    }
  }

  public Severity severity(double value) {
    if (Double.isNaN(value)) {
      return Severity.NONE;
    }
    return value >= act ? Severity.ACT : value >= warn ? Severity.WARN : Severity.NONE;
  }

  /** The level a severity stands for: {@code act} for ACT, {@code warn} otherwise. */
  public double levelOf(Severity severity) {
    return severity == Severity.ACT ? act : warn;
  }
}
