package io.gatehouse.contracts.registry;

/** A key/value tag, as MLflow has them. */
public record Tag(String key, String value) {}
