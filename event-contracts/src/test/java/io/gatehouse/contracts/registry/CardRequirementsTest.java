package io.gatehouse.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardRequirementsTest {

  private static ModelCard card(String intendedUse, String limitations, List<String> owners) {
    return new ModelCard(intendedUse, null, null, null, null, null, null, limitations, null, owners, null, null);
  }

  @Test
  void aPolicyTierWithCardSectionsReplacesTheDefaultAndOtherTiersKeepIt() {
    Map<String, Object> policy = Map.of("tiers", Map.of(
        "LOW", Map.of("card", Map.of("required_sections", List.of("owners", "limitations"))),
        "MEDIUM", Map.of("gates", List.of())));
    CardRequirements r = CardRequirements.fromPolicy(policy);
    assertThat(r.forTier("LOW")).containsExactly("limitations", "owners");
    assertThat(r.forTier("MEDIUM")).isEqualTo(CardRequirements.defaults().forTier("MEDIUM"));
    assertThat(r.forTier("HIGH")).isEqualTo(CardRequirements.SECTIONS);
  }

  @Test
  void countsPlaceholdersAsMissingInCardOrder() {
    ModelCard c = card("Scores loans", "[More Information Needed]", List.of("TBD"));
    assertThat(CardRequirements.missing(c, List.of("owners", "limitations", "intendedUse")))
        .containsExactly("limitations", "owners");
    assertThat(CardRequirements.defaults().missing(null, "LOW")).containsExactly("intendedUse", "owners");
  }

  @Test
  void refusesUnknownSectionsAndMalformedCardKeys() {
    assertThatThrownBy(() -> CardRequirements.of(Map.of("LOW", List.of("intended_use"))))
        .hasMessageContaining("Unknown card section 'intended_use' for tier LOW");
    assertThatThrownBy(() -> CardRequirements.fromPolicy(Map.of("tiers", Map.of("LOW",
        Map.of("card", Map.of("required_sections", "owners"))))))
        .hasMessageContaining("card.required_sections must be a list");
  }
}
