package io.gatehouse.monitoring.monitoredversion.api;

/** Internal: a policy document that may apply to the version became known (see {@link NotePolicyDocument}). */
public record PolicyDocumentNoted(String id, String modelName, int version, String policyName, int policyVersion) {}
