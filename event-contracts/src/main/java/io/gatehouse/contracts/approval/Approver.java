package io.gatehouse.contracts.approval;

/** One approving sign-off counted towards a quorum: who signed, for which role. */
public record Approver(String role, String signer) {}
