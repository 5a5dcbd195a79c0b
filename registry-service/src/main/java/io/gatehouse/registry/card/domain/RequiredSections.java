package io.gatehouse.registry.card.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sections a card must fill, per risk tier. The default:
 * <ul>
 *   <li>LOW: intended use, owners;</li>
 *   <li>MEDIUM: those, plus limitations, training data, evaluation data, metrics;</li>
 *   <li>HIGH and CRITICAL: every section.</li>
 * </ul>
 * Policy may set other sections for any tier ({@link #of}); a tier it leaves out keeps the default.
 */
public final class RequiredSections {

  public static final List<String> TIERS = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

  private static final EnumSet<CardSection> LOW = EnumSet.of(CardSection.INTENDED_USE, CardSection.OWNERS);
  private static final EnumSet<CardSection> MEDIUM = EnumSet.of(CardSection.INTENDED_USE, CardSection.OWNERS,
      CardSection.LIMITATIONS, CardSection.TRAINING_DATA, CardSection.EVALUATION_DATA, CardSection.METRICS);
  private static final EnumSet<CardSection> ALL = EnumSet.allOf(CardSection.class);

  private final Map<String, EnumSet<CardSection>> byTier;

  private RequiredSections(Map<String, EnumSet<CardSection>> byTier) {
    this.byTier = byTier;
  }

  public static RequiredSections defaults() {
    Map<String, EnumSet<CardSection>> m = new LinkedHashMap<>();
    m.put("LOW", LOW);
    m.put("MEDIUM", MEDIUM);
    m.put("HIGH", ALL);
    m.put("CRITICAL", ALL);
    return new RequiredSections(m);
  }

  /**
   * The defaults, with the tiers given here replaced by the sections named (wire names, e.g.
   * {@code intendedUse}). An unknown tier or section name is refused, naming it.
   */
  public static RequiredSections of(Map<String, ? extends Collection<String>> sectionsByTier) {
    Map<String, EnumSet<CardSection>> m = new LinkedHashMap<>(defaults().byTier);
    sectionsByTier.forEach((tier, names) -> {
      if (!TIERS.contains(tier)) {
        throw new IllegalArgumentException("Unknown risk tier '" + tier + "'; the tiers are " + TIERS + ".");
      }
      EnumSet<CardSection> sections = EnumSet.noneOf(CardSection.class);
      for (String name : names) {
        sections.add(CardSection.fromWireName(name).orElseThrow(() -> new IllegalArgumentException(
            "Unknown card section '" + name + "' for tier " + tier + "; the sections are "
                + java.util.Arrays.stream(CardSection.values()).map(CardSection::wireName).toList() + ".")));
      }
      m.put(tier, sections);
    });
    return new RequiredSections(m);
  }

  /** The required sections of a tier; an unknown tier is refused. */
  public Set<CardSection> forTier(String tier) {
    EnumSet<CardSection> sections = byTier.get(tier);
    if (sections == null) {
      throw new IllegalArgumentException("Unknown risk tier '" + tier + "'; the tiers are " + TIERS + ".");
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(sections));
  }

  /** Tier to wire names, for configuration output and documentation. */
  public Map<String, List<String>> asWireNames() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    byTier.forEach((tier, sections) -> m.put(tier, java.util.Arrays.stream(CardSection.values())
        .filter(sections::contains).map(CardSection::wireName).toList()));
    return m;
  }
}
