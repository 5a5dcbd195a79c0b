package io.gatehouse.approval.approvalcase.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Note validation's result of one gate (a fact from validation-service).
 *
 * @param evidence what the result was computed from (data digest and observed values), to tell a
 *     re-run on other evidence from a repeat
 */
public record NoteGateResult(
    @TargetAggregateIdentifier String caseId,
    String gateId,
    boolean passed,
    String dataSha256,
    String evidence,
    String reason,
    String runId) {}
