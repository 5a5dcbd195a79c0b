package io.gatehouse.local.bench;

/**
 * How long the warm-up runs: rounds of {@value #ROUND_SECONDS} s at the warm-up rate, at least
 * {@code --warmup} and then until approval-service's JIT compilers are quiet, at most
 * {@code --warmup-max}. Quiet is at most a tenth of the last round spent compiling: while C2 still
 * compiles the request path, the compiler threads take a core's worth of CPU from a 2-core machine and
 * the code runs in its slower tiers, and a measured phase would time the JIT rather than the service
 * (a rate phase that began with the compilers still busy spent 1.15 ms of approval-service's 2.27 ms per
 * sign-off compiling, and its p99 was 81 ms).
 */
final class WarmUp {

  static final int ROUND_SECONDS = 15;
  /** The share of the last round the JIT may spend compiling for the service to count as warm. */
  static final double QUIET_SHARE = 0.10;

  private WarmUp() {}

  /** Rounds covering {@code seconds} (the last one may run past it). */
  static int rounds(int seconds) {
    return (seconds + ROUND_SECONDS - 1) / ROUND_SECONDS;
  }

  /**
   * Whether the warm-up may end after {@code roundsDone} rounds.
   *
   * @param compileSeconds seconds approval-service compiled during the last round; null when its
   *     metrics could not be read, which ends the warm-up at its minimum
   */
  static boolean done(int roundsDone, int minRounds, Double compileSeconds) {
    if (roundsDone < minRounds) {
      return false;
    }
    return compileSeconds == null || compileSeconds <= QUIET_SHARE * ROUND_SECONDS;
  }
}
