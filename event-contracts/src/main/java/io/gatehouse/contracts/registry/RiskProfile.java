package io.gatehouse.contracts.registry;

/**
 * What a model does to people, from which policy derives its risk tier.
 *
 * @param domain business domain, e.g. {@code credit}, {@code hiring}, {@code marketing}
 * @param regulatedRegime a regulation the use falls under (e.g. {@code EU-AI-ACT-ANNEX-III}), or null
 */
public record RiskProfile(
    String domain,
    boolean affectsIndividuals,
    boolean fullyAutomatedDecision,
    boolean publicFacing,
    String regulatedRegime) {}
