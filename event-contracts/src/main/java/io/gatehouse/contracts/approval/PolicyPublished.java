package io.gatehouse.contracts.approval;

import io.gatehouse.contracts.CloudEventType;
import io.gatehouse.contracts.GatehouseEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A policy version was published; {@code document} is its YAML exactly as cases will record it.
 * Keyed by policy name, so the versions of one policy stay in order.
 */
@CloudEventType("io.gatehouse.approval.PolicyPublished.v1")
@Revision("1")
public record PolicyPublished(
    String policyName,
    int policyVersion,
    String document,
    String documentSha256,
    String publishedBy,
    Instant publishedAt) implements GatehouseEvent {

  @Override
  public String partitionKey() {
    return policyName;
  }

  @Override
  public String subject() {
    return "policies/" + policyName + "/versions/" + policyVersion;
  }
}
