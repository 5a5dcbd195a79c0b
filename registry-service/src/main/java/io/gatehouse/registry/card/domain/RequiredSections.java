package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.CardRequirements;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sections a card must fill, per risk tier, as {@link CardSection}s: a view of
 * {@link CardRequirements} (event-contracts), the one rule validation-service applies too. The
 * default: LOW intended use and owners; MEDIUM those plus limitations, training data, evaluation
 * data and metrics; HIGH and CRITICAL every section. Policy may set other sections for any tier
 * ({@link #of}); a tier it leaves out keeps the default.
 */
public final class RequiredSections {

  public static final List<String> TIERS = CardRequirements.TIERS;

  private final CardRequirements requirements;

  private RequiredSections(CardRequirements requirements) {
    this.requirements = requirements;
  }

  public static RequiredSections defaults() {
    return new RequiredSections(CardRequirements.defaults());
  }

  /**
   * The defaults, with the tiers given here replaced by the sections named (wire names, e.g.
   * {@code intendedUse}). An unknown tier or section name is refused, naming it.
   */
  public static RequiredSections of(Map<String, ? extends Collection<String>> sectionsByTier) {
    return new RequiredSections(CardRequirements.of(sectionsByTier));
  }

  /** The required sections of a tier; an unknown tier is refused. */
  public Set<CardSection> forTier(String tier) {
    EnumSet<CardSection> sections = EnumSet.noneOf(CardSection.class);
    requirements.forTier(tier).forEach(name -> sections.add(CardSection.fromWireName(name).orElseThrow()));
    return Collections.unmodifiableSet(sections);
  }

  /** Tier to wire names, for configuration output and documentation. */
  public Map<String, List<String>> asWireNames() {
    return requirements.asMap();
  }

  public CardRequirements requirements() {
    return requirements;
  }
}
