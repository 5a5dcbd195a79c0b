package io.gatehouse.registry.model.api;

import io.gatehouse.contracts.registry.Tag;
import java.util.List;

/** Create a version through the MLflow API; answers its number. It is submitted at once if {@code tags} carry the artifact digest. */
public record CreateModelVersion(
    String modelName,
    String source,
    String runId,
    String runLink,
    String description,
    List<Tag> tags,
    String createdBy) {}
