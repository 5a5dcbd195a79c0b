package io.gatehouse.monitoring.monitoredversion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Note a model version's risk tier and, once its approval case opened, the policy version whose
 * drift levels apply to it. Creates the monitored version if it is new.
 *
 * @param policyName null until the case opened
 */
public record NoteVersion(@TargetAggregateIdentifier String id, String modelName, int version, String riskTier,
    String policyName, Integer policyVersion) {}
