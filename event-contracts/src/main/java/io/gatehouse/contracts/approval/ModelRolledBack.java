package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.ModelVersionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A stage was moved back from {@code fromVersion} to the last approved {@code toVersion}.
 *
 * <p>The event is about the version taken out of service: {@link #version()} is
 * {@code fromVersion}, so the subject is {@code models/{name}/versions/{fromVersion}}. It is not a
 * record component and is not written to the wire.
 */
@CloudEventType("io.gatehouse.approval.ModelRolledBack.v1")
@Revision("1")
public record ModelRolledBack(
    String caseId,
    String modelName,
    int fromVersion,
    int toVersion,
    String stage,
    String reason,
    String rolledBackBy,
    Instant rolledBackAt) implements ModelVersionEvent {

  /** The version rolled back from. */
  @Override
  public int version() {
    return fromVersion;
  }
}
