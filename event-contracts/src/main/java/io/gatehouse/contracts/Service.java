package io.gatehouse.contracts;

/** The services that publish events, each to its own topic. */
public enum Service {
  REGISTRY("registry"),
  APPROVAL("approval"),
  VALIDATION("validation"),
  MONITORING("monitoring");

  private final String id;

  Service(String id) {
    this.id = id;
  }

  /** Short name used in CloudEvents types and topic names. */
  public String id() {
    return id;
  }

  /** The Kafka topic this service publishes to, e.g. {@code gatehouse.approval.v1}. */
  public String topic() {
    return "gatehouse." + id + ".v1";
  }

  /** The CloudEvents {@code source} of this service's events. */
  public String source() {
    return "/gatehouse/" + id;
  }
}
