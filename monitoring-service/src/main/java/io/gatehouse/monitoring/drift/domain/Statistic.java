package io.gatehouse.monitoring.drift.domain;

import java.util.Locale;
import java.util.Optional;

/** The drift statistics Gatehouse computes; the names are those of {@code DriftDetected.statistic}. */
public enum Statistic {
  /** Population stability index, numeric features (and the score). */
  PSI,
  /** Two-sample Kolmogorov-Smirnov statistic over the reference bins, numeric features. */
  KS,
  /** Jensen-Shannon distance (base 2), categorical features. */
  JS;

  /** The key of the statistic in a policy's {@code drift} section: {@code psi}, {@code ks}, {@code js}. */
  public String policyKey() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The statistic for the names monitors use (psi, population-stability-index, ks, jsd, ...). */
  public static Optional<Statistic> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String s = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (s) {
      case "psi", "population-stability-index" -> Optional.of(PSI);
      case "ks", "kolmogorov-smirnov" -> Optional.of(KS);
      case "js", "jsd", "jensen-shannon", "jensen-shannon-distance" -> Optional.of(JS);
      default -> Optional.empty();
    };
  }
}
