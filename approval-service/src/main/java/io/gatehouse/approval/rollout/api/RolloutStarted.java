package io.gatehouse.approval.rollout.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The first promotion of any version of a model created its rollout. Internal to approval-service. */
@Revision("1")
public record RolloutStarted(String rolloutId, String modelName, Instant startedAt) {}
