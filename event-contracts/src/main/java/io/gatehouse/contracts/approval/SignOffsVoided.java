package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A gate was evaluated again on different evidence (other data or other observed values), so the
 * sign-offs given on the earlier evidence no longer count: {@code voided} lists them, and sign-off
 * reopens for those roles.
 */
@CloudEventType("io.gatehouse.approval.SignOffsVoided.v1")
@Revision("1")
public record SignOffsVoided(
    String caseId,
    String modelName,
    int version,
    String gateId,
    String previousDataSha256,
    String dataSha256,
    List<Approver> voided,
    Instant voidedAt) implements ModelVersionEvent {}
