package io.gatehouse.validation.gates.domain;

import io.gatehouse.contracts.registry.CardRequirements;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The part of a policy document validation needs: its name, version, each tier's gates and the model
 * card sections each tier requires ({@code card.required_sections}, the default where absent). The
 * document's other fields (sign-offs, rollout, drift, ...) belong to approval-service, which checks
 * the whole document before publishing it; here they are ignored.
 */
public record PolicyGates(String name, int version, Map<String, List<Gate>> tiers, CardRequirements card) {

  /** Gates of {@code tier}; a tier the policy does not define has none. */
  public List<Gate> forTier(String tier) {
    return tiers.getOrDefault(tier, List.of());
  }

  /**
   * The card sections a tier requires that the card leaves empty ({@code card.missing_sections} of
   * the gates); a tier the policy does not know requires every section.
   */
  public List<String> missingSections(io.gatehouse.contracts.registry.ModelCard modelCard, String tier) {
    return CardRequirements.missing(modelCard,
        CardRequirements.TIERS.contains(tier) ? card.forTier(tier) : CardRequirements.SECTIONS);
  }

  /** Reads a published document; throws {@link IllegalArgumentException} if it lacks the shape. */
  @SuppressWarnings("unchecked")
  public static PolicyGates parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    Object root = new Yaml(new SafeConstructor(options)).load(new StringReader(yaml));
    if (!(root instanceof Map<?, ?> top)) {
      throw new IllegalArgumentException("a policy document is a mapping with policy, version and tiers");
    }
    Object name = top.get("policy");
    Object version = top.get("version");
    Object tiers = top.get("tiers");
    if (!(name instanceof String) || !(version instanceof Integer) || !(tiers instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("a policy document needs policy (text), version (number) and tiers");
    }
    Map<String, List<Gate>> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> t : ((Map<?, ?>) tiers).entrySet()) {
      List<Gate> gates = new ArrayList<>();
      if (t.getValue() instanceof Map<?, ?> tier && tier.get("gates") instanceof List<?> list) {
        for (Object g : list) {
          if (g instanceof Map<?, ?> gm && gm.get("id") != null && gm.get("expr") != null) {
            gates.add(new Gate(String.valueOf(gm.get("id")), String.valueOf(gm.get("expr"))));
          } else {
            throw new IllegalArgumentException("a gate of tier " + t.getKey() + " is not {id, expr}");
          }
        }
      }
      out.put(String.valueOf(t.getKey()), List.copyOf(gates));
    }
    return new PolicyGates((String) name, (Integer) version, Map.copyOf(out), CardRequirements.fromPolicy(top));
  }
}
