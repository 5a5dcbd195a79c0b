package io.gatehouse.validation.gates.domain;

import java.util.List;

/**
 * The outcome of one gate: the values the expression read (in the order it read them) and, when it
 * failed, why in words.
 */
public record GateResult(String id, String expression, boolean passed, List<Observed> observed, String reason) {

  /** A number the expression read, by its dotted name, e.g. {@code fairness.race.demographic_parity_ratio}. */
  public record Observed(String name, double value) {}
}
