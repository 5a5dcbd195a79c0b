package io.gatehouse.registry.modelview;

import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.contracts.registry.ModelCard;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model version as the read model holds it.
 *
 * @param status {@code AWAITING_DIGEST} (created through MLflow without an artifact digest, not yet
 *     submitted for approval) or {@code SUBMITTED}
 * @param aliases the model's aliases that point at this version
 */
public record VersionView(String modelName, int version, String source, String runId, String runLink,
    String description, Map<String, String> tags, String currentStage, String status, boolean retired,
    String retiredReason, String artifactSha256, Long artifactSizeBytes, String submittedBy, List<String> authors,
    ModelCard modelCard, int cardRevision, List<String> missingSections, Lineage lineage,
    EvaluationDataRef evaluationData, String createdBy, Instant createdAt, Instant updatedAt, List<String> aliases) {}
