package io.gatehouse.platform.kafka;

/** A Kafka record that is not a valid Gatehouse CloudEvent; never retried, dead-lettered at once. */
public class MalformedEvent extends RuntimeException {

  private final String reason;

  public MalformedEvent(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public MalformedEvent(String reason, String message) {
    this(reason, message, null);
  }

  /** A short, stable tag for metrics: {@code missing-header}, {@code unknown-type}, {@code bad-payload}. */
  public String reason() {
    return reason;
  }
}
