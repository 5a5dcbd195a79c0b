package io.gatehouse.monitoring.telemetry.domain;

/**
 * Input that does not follow its schema or cannot be used. {@code reason} is a short stable tag for
 * metrics and dead-letter headers ({@code bad-payload}, {@code missing-header}, {@code unknown-type},
 * {@code unknown-model}, {@code no-reference-profile}, {@code late}, {@code bins-mismatch}); the
 * message says exactly what is wrong.
 */
public class InvalidInput extends RuntimeException {

  private final String reason;

  public InvalidInput(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
