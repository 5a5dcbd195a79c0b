package io.gatehouse.validation.gates.domain;

/** One gate of a policy tier: its id and CEL expression. */
public record Gate(String id, String expression) {}
