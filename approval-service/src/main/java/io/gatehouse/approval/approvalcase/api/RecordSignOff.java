package io.gatehouse.approval.approvalcase.api;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a reviewer's decision. {@code signer}, {@code signerName} and {@code signerRoles} come from
 * the caller's token, never from a request body.
 */
public record RecordSignOff(
    @TargetAggregateIdentifier String caseId,
    String role,
    String decision,
    String comment,
    String signer,
    String signerName,
    Set<String> signerRoles) {}
