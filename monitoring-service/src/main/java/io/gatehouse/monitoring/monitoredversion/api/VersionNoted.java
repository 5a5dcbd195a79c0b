package io.gatehouse.monitoring.monitoredversion.api;

/** Internal: a version's tier or policy became known or changed. */
public record VersionNoted(String id, String modelName, int version, String riskTier, String policyName,
    Integer policyVersion) {}
