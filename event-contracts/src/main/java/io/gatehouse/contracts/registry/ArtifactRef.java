package io.gatehouse.contracts.registry;

/** The model artifact an approval is bound to: other bytes are another version. */
public record ArtifactRef(String uri, String sha256, long sizeBytes) {}
