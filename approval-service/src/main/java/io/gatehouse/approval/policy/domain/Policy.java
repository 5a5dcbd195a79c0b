package io.gatehouse.approval.policy.domain;

import java.util.Map;

/** A published policy document: requirements per risk tier, under a name and version. */
public record Policy(String name, int version, Map<String, TierPolicy> tiers) {

  /** The requirements of {@code tier}; a tier the policy does not name gets the strictest one it has. */
  public TierPolicy forTier(String tier) {
    TierPolicy p = tiers.get(tier);
    if (p != null) {
      return p;
    }
    for (String fallback : new String[] {"CRITICAL", "HIGH", "MEDIUM", "LOW"}) {
      if (tiers.containsKey(fallback)) {
        return tiers.get(fallback);
      }
    }
    throw new IllegalStateException("policy " + name + " v" + version + " defines no tier");
  }
}
