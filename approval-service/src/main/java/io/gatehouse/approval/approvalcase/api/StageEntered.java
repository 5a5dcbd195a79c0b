package io.gatehouse.approval.approvalcase.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The case's version was let into a stage (by promotion or as a roll-back target) after its approval
 * was checked. Internal to approval-service: {@code ModelPromoted} and {@code ModelRolledBack} are
 * the published facts. Recording it on the case makes a concurrent suspension or expiry conflict
 * with the promotion instead of racing it.
 */
@Revision("1")
public record StageEntered(String caseId, String stage, String phase, int trafficPercent, Instant enteredAt) {}
