package io.gatehouse.local.bench;

/**
 * When each request of an open-loop phase is meant to be sent: request {@code i} at
 * {@code i / rate} seconds after the start, whatever happened to the ones before. Latency is measured
 * from this intended time, so a stalled server is charged for the requests it delayed (no
 * coordinated omission).
 */
public record OpenLoopSchedule(double ratePerSecond, int durationSeconds) {

  public OpenLoopSchedule {
    if (!(ratePerSecond > 0) || durationSeconds < 0) {
      throw new IllegalArgumentException("rate must be positive and duration not negative");
    }
  }

  /** How many requests the phase sends: rate x duration, rounded to the nearest. */
  public int count() {
    return (int) Math.round(ratePerSecond * durationSeconds);
  }

  /** Intended send time of request {@code i} (0-based), in nanoseconds after the phase start. */
  public long offsetNanos(int i) {
    if (i < 0 || i >= count()) {
      throw new IndexOutOfBoundsException(i + " of " + count());
    }
    return Math.round(i * 1e9 / ratePerSecond);
  }

  /** How many requests are due by {@code elapsedNanos} after the start (those with offset <= elapsed). */
  public int dueBy(long elapsedNanos) {
    if (elapsedNanos < 0) {
      return 0;
    }
    long due = (long) Math.floor(elapsedNanos * ratePerSecond / 1e9) + 1;
    // floor of a product of doubles can be one off at exact boundaries; settle it on offsetNanos.
    while (due > 0 && due <= count() && offsetNanos((int) due - 1) > elapsedNanos) {
      due--;
    }
    while (due < count() && offsetNanos((int) due) <= elapsedNanos) {
      due++;
    }
    return (int) Math.min(due, count());
  }
}
