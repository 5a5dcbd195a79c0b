package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A version was retired: it can no longer be approved or promoted. */
@CloudEventType("io.gatehouse.registry.ModelVersionRetired.v1")
@Revision("1")
public record ModelVersionRetired(
    String modelName,
    int version,
    String reason,
    String retiredBy,
    Instant retiredAt) implements ModelVersionEvent {}
