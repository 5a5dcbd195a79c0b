package io.gatehouse.approval.approvalcase.domain;

/** A sign-off that counts on the case: who, in which role, with which decision. */
public record SignOff(String role, String signer, Decision decision) {}
