package io.gatehouse.approval.approvalcase.api;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One senior approver's half of an emergency approval; a second, different one completes it.
 * {@code approver}, {@code approverName} and {@code approverRoles} come from the caller's token.
 */
public record RequestBreakGlass(
    @TargetAggregateIdentifier String caseId,
    String justification,
    String approver,
    String approverName,
    Set<String> approverRoles) {}
