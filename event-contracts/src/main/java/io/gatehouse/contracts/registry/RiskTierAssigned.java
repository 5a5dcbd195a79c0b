package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A board member overrode a model's policy-derived risk tier, with a justification. */
@CloudEventType("io.gatehouse.registry.RiskTierAssigned.v1")
@Revision("1")
public record RiskTierAssigned(
    String modelName,
    String previousTier,
    String riskTier,
    String justification,
    String assignedBy,
    Instant assignedAt) implements ModelEvent {}
