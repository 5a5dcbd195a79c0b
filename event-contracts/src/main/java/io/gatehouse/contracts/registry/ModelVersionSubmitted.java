package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A version was submitted for approval. {@code submittedBy} comes from the caller's identity;
 * {@code authors} are the people who built it. Neither may sign it off.
 */
@CloudEventType("io.gatehouse.registry.ModelVersionSubmitted.v1")
@Revision("2")
public record ModelVersionSubmitted(
    String modelName,
    int version,
    ArtifactRef artifact,
    ModelCard modelCard,
    Lineage lineage,
    EvaluationDataRef evaluationData,
    String riskTier,
    String submittedBy,
    List<String> authors,
    Instant submittedAt) implements ModelVersionEvent {}
