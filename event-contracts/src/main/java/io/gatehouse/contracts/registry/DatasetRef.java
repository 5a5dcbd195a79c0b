package io.gatehouse.contracts.registry;

/** A dataset in a version's lineage; {@code role} is {@code train}, {@code validation} or {@code test}. */
public record DatasetRef(String uri, String sha256, String role) {}
