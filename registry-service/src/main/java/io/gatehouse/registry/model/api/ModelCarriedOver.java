package io.gatehouse.registry.model.api;

import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.contracts.registry.Tag;
import java.util.List;

/**
 * Internal (not published; the published fact is {@code ModelRenamed} on the old name): a model renamed to
 * this name, with what it carried. Version numbers continue after {@code lastVersion}.
 */
public record ModelCarriedOver(String modelName, String fromName, String description, String ownerTeam,
    List<Tag> tags, RiskProfile riskProfile, String riskTier, int lastVersion, String registeredBy,
    java.time.Instant registeredAt) {}
