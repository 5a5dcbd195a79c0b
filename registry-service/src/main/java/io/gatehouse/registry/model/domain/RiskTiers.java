package io.gatehouse.registry.model.domain;

import io.gatehouse.contracts.registry.RiskProfile;

/**
 * Derives the risk tier from a risk profile. The more a model decides about people on its own, in
 * public, under regulation, the higher the tier:
 * <ul>
 *   <li>CRITICAL: affects individuals, decides fully automatically, and falls under a regulated regime;</li>
 *   <li>HIGH: affects individuals and is either fully automated or regulated;</li>
 *   <li>MEDIUM: affects individuals, or is public facing, or is regulated;</li>
 *   <li>LOW: otherwise.</li>
 * </ul>
 */
public final class RiskTiers {

  public static final String LOW = "LOW";
  public static final String MEDIUM = "MEDIUM";
  public static final String HIGH = "HIGH";
  public static final String CRITICAL = "CRITICAL";
  public static final java.util.List<String> ALL = java.util.List.of(LOW, MEDIUM, HIGH, CRITICAL);

  private RiskTiers() {}

  public static String derive(RiskProfile p) {
    boolean regulated = p.regulatedRegime() != null && !p.regulatedRegime().isBlank();
    if (p.affectsIndividuals() && p.fullyAutomatedDecision() && regulated) {
      return CRITICAL;
    }
    if (p.affectsIndividuals() && (p.fullyAutomatedDecision() || regulated)) {
      return HIGH;
    }
    if (p.affectsIndividuals() || p.publicFacing() || regulated) {
      return MEDIUM;
    }
    return LOW;
  }
}
