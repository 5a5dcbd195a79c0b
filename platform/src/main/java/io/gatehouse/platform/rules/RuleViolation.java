package io.gatehouse.platform.rules;

/**
 * A domain rule refused a command. {@link #code()} is stable (clients may switch on it); the message
 * says what was wrong in words. The web layer maps {@link #kind()} to the HTTP status.
 */
public abstract class RuleViolation extends RuntimeException {

  /** How a refusal maps onto HTTP: 403, 409, 404, 422, 413 (a document over its size limit), 415. */
  public enum Kind { FORBIDDEN, CONFLICT, NOT_FOUND, INVALID, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE }

  private final String code;
  private final Kind kind;

  protected RuleViolation(String code, Kind kind, String message) {
    super(message, null, false, false);
    this.code = code;
    this.kind = kind;
  }

  public String code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }
}
