package io.gatehouse.contracts.registry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for what a {@link ModelCard} is missing, shared by registry-service (which reports it on
 * {@code PUT .../card} and in {@code ModelCardUpdated.missingSections}) and validation-service (whose
 * {@code card-complete} gate reads {@code card.missing_sections}), so both count alike.
 *
 * <p>Sections are named by their wire names (the {@link ModelCard} components). A section is missing
 * when null, blank or only template placeholders ({@link CardText}); {@code metrics} is filled by text
 * or a declared metric, {@code owners} by at least one owner that is not a placeholder.
 *
 * <p>Which sections a tier requires is policy: a tier's optional {@code card: {required_sections: [...]}}.
 * A tier the policy leaves out keeps the default: LOW intended use and owners; MEDIUM those plus
 * limitations, training data, evaluation data and metrics; HIGH and CRITICAL every section.
 */
public final class CardRequirements {

  /** Every section, in the card's order (the order missing sections are reported in). */
  public static final List<String> SECTIONS = List.of("intendedUse", "outOfScopeUse", "usersAffected",
      "trainingData", "evaluationData", "metrics", "fairnessConsiderations", "limitations",
      "ethicalConsiderations", "owners");
  public static final List<String> TIERS = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

  private static final Map<String, List<String>> DEFAULTS = Map.of(
      "LOW", List.of("intendedUse", "owners"),
      "MEDIUM", List.of("intendedUse", "trainingData", "evaluationData", "metrics", "limitations", "owners"),
      "HIGH", SECTIONS,
      "CRITICAL", SECTIONS);

  private final Map<String, List<String>> byTier;

  private CardRequirements(Map<String, List<String>> byTier) {
    this.byTier = byTier;
  }

  public static CardRequirements defaults() {
    return of(Map.of());
  }

  /**
   * The defaults, with the tiers given here replaced by the sections named. An unknown tier or
   * section is refused ({@link IllegalArgumentException} naming it).
   */
  public static CardRequirements of(Map<String, ? extends Collection<String>> sectionsByTier) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String tier : TIERS) {
      m.put(tier, DEFAULTS.get(tier));
    }
    sectionsByTier.forEach((tier, names) -> {
      if (!TIERS.contains(tier)) {
        throw new IllegalArgumentException("Unknown risk tier '" + tier + "'; the tiers are " + TIERS + ".");
      }
      for (String name : names) {
        if (!SECTIONS.contains(name)) {
          throw new IllegalArgumentException("Unknown card section '" + name + "' for tier " + tier
              + "; the sections are " + SECTIONS + ".");
        }
      }
      m.put(tier, inCardOrder(names));
    });
    return new CardRequirements(Map.copyOf(m));
  }

  /**
   * The requirements a policy document sets, given as its parsed YAML (maps and lists):
   * {@code tiers.<TIER>.card.required_sections}. approval-service checked the document before
   * publishing it; what is malformed here anyway is refused ({@link IllegalArgumentException}).
   */
  public static CardRequirements fromPolicy(Map<?, ?> document) {
    Map<String, List<String>> given = new LinkedHashMap<>();
    if (document != null && document.get("tiers") instanceof Map<?, ?> tiers) {
      for (Map.Entry<?, ?> t : tiers.entrySet()) {
        if (!(t.getValue() instanceof Map<?, ?> tier) || !tier.containsKey("card")) {
          continue;
        }
        if (!(tier.get("card") instanceof Map<?, ?> card)
            || !(card.get("required_sections") instanceof List<?> sections)) {
          throw new IllegalArgumentException("tier " + t.getKey() + ": card.required_sections must be a list");
        }
        given.put(String.valueOf(t.getKey()), sections.stream().map(String::valueOf).toList());
      }
    }
    return of(given);
  }

  /** The sections a tier requires, in card order; an unknown tier is refused. */
  public List<String> forTier(String tier) {
    List<String> sections = byTier.get(tier);
    if (sections == null) {
      throw new IllegalArgumentException("Unknown risk tier '" + tier + "'; the tiers are " + TIERS + ".");
    }
    return sections;
  }

  /** Tier to required sections, every tier present, in {@link #TIERS} order. */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    TIERS.forEach(t -> m.put(t, byTier.get(t)));
    return m;
  }

  /** The sections the tier requires that the card does not fill, in card order; all of them for no card. */
  public List<String> missing(ModelCard card, String tier) {
    return missing(card, forTier(tier));
  }

  /** The required sections the card does not fill, in card order; all of them for no card. */
  public static List<String> missing(ModelCard card, Collection<String> required) {
    return SECTIONS.stream().filter(required::contains).filter(s -> !isFilled(card, s)).toList();
  }

  /** Whether the card fills a section (by wire name); an unknown name is refused. */
  public static boolean isFilled(ModelCard card, String section) {
    if (card == null) {
      return false;
    }
    return switch (section) {
      case "intendedUse" -> CardText.isFilled(card.intendedUse());
      case "outOfScopeUse" -> CardText.isFilled(card.outOfScopeUse());
      case "usersAffected" -> CardText.isFilled(card.usersAffected());
      case "trainingData" -> CardText.isFilled(card.trainingData());
      case "evaluationData" -> CardText.isFilled(card.evaluationData());
      case "metrics" -> CardText.isFilled(card.metrics()) || !card.declaredMetrics().isEmpty();
      case "fairnessConsiderations" -> CardText.isFilled(card.fairnessConsiderations());
      case "limitations" -> CardText.isFilled(card.limitations());
      case "ethicalConsiderations" -> CardText.isFilled(card.ethicalConsiderations());
      case "owners" -> card.owners().stream().anyMatch(CardText::isFilled);
      default -> throw new IllegalArgumentException("Unknown card section '" + section + "'.");
    };
  }

  private static List<String> inCardOrder(Collection<String> names) {
    Set<String> given = new LinkedHashSet<>(names);
    return SECTIONS.stream().filter(given::contains).toList();
  }
}
