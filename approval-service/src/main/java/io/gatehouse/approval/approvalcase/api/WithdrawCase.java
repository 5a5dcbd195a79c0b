package io.gatehouse.approval.approvalcase.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Close a case for good because its version was retired ({@code RETIRED}) or deleted
 * ({@code DELETED}) in the registry.
 */
public record WithdrawCase(@TargetAggregateIdentifier String caseId, String reason, String detail,
    String withdrawnBy) {}
