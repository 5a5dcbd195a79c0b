package io.gatehouse.registry.model.api;

/** Set a tag of a version; the digest tag submits a version that waits for it. */
public record SetModelVersionTag(
    String modelName,
    int version,
    String key,
    String value,
    String setBy) {}
