package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An approved version was promoted to a stage and rollout phase at a traffic share;
 * {@code demotedVersion} is the version that held the stage before, or null.
 */
@CloudEventType("io.gatehouse.approval.ModelPromoted.v1")
@Revision("1")
public record ModelPromoted(
    String caseId,
    String modelName,
    int version,
    String artifactSha256,
    String stage,
    String rolloutPhase,
    int trafficPercent,
    Integer demotedVersion,
    String promotedBy,
    Instant promotedAt) implements ModelVersionEvent {}
