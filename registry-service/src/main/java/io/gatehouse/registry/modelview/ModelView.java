package io.gatehouse.registry.modelview;

import io.gatehouse.contracts.registry.RiskProfile;
import java.time.Instant;
import java.util.Map;

/** A registered model as the read model holds it; {@code aliases} maps alias to version. */
public record ModelView(String name, String description, String ownerTeam, RiskProfile riskProfile, String riskTier,
    Map<String, String> tags, Map<String, Integer> aliases, String createdBy, Instant createdAt, Instant updatedAt) {}
