package io.gatehouse.monitoring.drift.domain;

import java.util.Locale;

/** A numeric feature is binned on the reference's edges; a categorical one counted per category. */
public enum FeatureKind {
  NUMERIC,
  CATEGORICAL;

  /** As on the wire: {@code numeric} or {@code categorical}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FeatureKind fromWire(String kind) {
    if ("numeric".equals(kind)) {
      return NUMERIC;
    }
    if ("categorical".equals(kind)) {
      return CATEGORICAL;
    }
    throw new InvalidReference("kind must be numeric or categorical, was " + kind);
  }
}
