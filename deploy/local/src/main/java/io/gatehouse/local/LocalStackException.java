package io.gatehouse.local;

/**
 * A failure the user can act on. Its message says what was tried and how to fix it; it is printed
 * alone, never with a stack trace (none is recorded), and {@link #exitCode()} becomes the process
 * exit status of {@link Main}.
 */
public final class LocalStackException extends RuntimeException {

  /** A child process died or was not ready in time. */
  public static final int STARTUP_FAILED = 1;
  /** PostgreSQL could not be reached with the admin JDBC URL. */
  public static final int POSTGRES_UNREACHABLE = 2;
  /** A port the stack needs is taken. */
  public static final int PORT_IN_USE = 3;
  /** A service jar has not been built. */
  public static final int JARS_MISSING = 4;
  /** Bad command line. */
  public static final int USAGE = 64;

  private final int exitCode;

  public LocalStackException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
