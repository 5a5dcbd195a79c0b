package io.gatehouse.contracts.approval;

/** A governance role whose {@code quorum} distinct holders must approve. */
public record RequiredSignOff(String role, int quorum) {}
