package io.gatehouse.approval.approvalcase.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The case took note of a gate result. Internal to approval-service (validation's own GatePassed and
 * GateFailed are the published facts); it keeps the case's state in its own event stream.
 */
@Revision("1")
public record GateResultNoted(
    String caseId,
    String gateId,
    boolean passed,
    String dataSha256,
    String evidence,
    String reason,
    String runId,
    Instant notedAt) {}
