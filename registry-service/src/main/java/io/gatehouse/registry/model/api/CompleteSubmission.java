package io.gatehouse.registry.model.api;

import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import java.util.List;

/** Give a version created without an artifact digest its digest (and evidence): it is submitted for approval. */
public record CompleteSubmission(
    String modelName,
    int version,
    String sha256,
    long sizeBytes,
    Lineage lineage,
    EvaluationDataRef evaluationData,
    List<String> authors,
    String submittedBy) {}
