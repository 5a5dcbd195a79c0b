package io.gatehouse.registry.model.api;

import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.contracts.registry.ModelCard;
import java.util.List;

/** Submit a new version of a model for approval; answers the version number assigned. */
public record SubmitModelVersion(
    String modelName,
    ArtifactRef artifact,
    ModelCard modelCard,
    Lineage lineage,
    EvaluationDataRef evaluationData,
    List<String> authors,
    String submittedBy) {}
