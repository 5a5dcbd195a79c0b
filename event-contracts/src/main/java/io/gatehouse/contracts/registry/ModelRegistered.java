package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A model was registered with its risk profile; policy derived {@code riskTier} from it. */
@CloudEventType("io.gatehouse.registry.ModelRegistered.v1")
@Revision("1")
public record ModelRegistered(
    String modelName,
    String description,
    String ownerTeam,
    List<Tag> tags,
    RiskProfile riskProfile,
    String riskTier,
    String registeredBy,
    Instant registeredAt) implements ModelEvent {}
