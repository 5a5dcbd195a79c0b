package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An alias of a model now points at {@code version}; {@code previousVersion} is the version it pointed at
 * before, or null. Setting a protected alias is a promotion: {@code caseId} names the approval case that
 * granted it, null for other aliases.
 */
@CloudEventType("io.gatehouse.registry.ModelAliasSet.v1")
@Revision("1")
public record ModelAliasSet(
    String modelName,
    int version,
    String alias,
    Integer previousVersion,
    String caseId,
    String setBy,
    Instant setAt) implements ModelVersionEvent {}
