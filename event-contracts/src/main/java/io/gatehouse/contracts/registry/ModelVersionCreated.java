package io.gatehouse.contracts.registry;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A version was created through the MLflow API, with MLflow's fields. It is submitted for approval
 * ({@link ModelVersionSubmitted}) as soon as its artifact digest is known: at once when the create
 * request carried it as a tag, otherwise when it is given later.
 */
@CloudEventType("io.gatehouse.registry.ModelVersionCreated.v1")
@Revision("1")
public record ModelVersionCreated(
    String modelName,
    int version,
    String source,
    String runId,
    String runLink,
    String description,
    List<Tag> tags,
    String createdBy,
    Instant createdAt) implements ModelVersionEvent {}
