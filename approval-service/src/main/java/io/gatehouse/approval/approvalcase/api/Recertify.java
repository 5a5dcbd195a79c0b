package io.gatehouse.approval.approvalcase.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopen sign-off on an approved or expired case under the policy in force now. */
public record Recertify(@TargetAggregateIdentifier String caseId, String requestedBy) {}
