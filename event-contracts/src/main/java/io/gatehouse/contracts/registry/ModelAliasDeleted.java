package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An alias of a model was removed; {@code version} is the version it pointed at.
 */
@CloudEventType("io.gatehouse.registry.ModelAliasDeleted.v1")
@Revision("1")
public record ModelAliasDeleted(
    String modelName,
    int version,
    String alias,
    String deletedBy,
    Instant deletedAt) implements ModelVersionEvent {}
