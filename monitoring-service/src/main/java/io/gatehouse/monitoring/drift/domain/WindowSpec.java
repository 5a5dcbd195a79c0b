package io.gatehouse.monitoring.drift.domain;

import java.time.Duration;

/**
 * How a model version's telemetry is cut into tumbling windows.
 *
 * <ul>
 *   <li>{@code duration} only: windows aligned on the epoch by the observations' own timestamps
 *       (event time), {@code [k·d, (k+1)·d)}. A window closes once observations {@code grace} past
 *       its end have been seen (stream time), or, when the telemetry has gone quiet, once the clock
 *       is past its end plus grace. An observation for a window already closed is late and is
 *       dead-lettered.
 *   <li>{@code observations} only: consecutive windows of that many observations, in arrival order.
 *   <li>both: arrival order, each window closes at that many observations or when observations
 *       {@code duration} after its first one are seen (or the clock is past it while quiet),
 *       whichever comes first.
 * </ul>
 */
public record WindowSpec(Duration duration, long observations, Duration grace) {

  public enum Mode { TIME, COUNT, COUNT_OR_TIME }

  public WindowSpec {
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("a window duration must be positive");
    }
    if (observations < 0) {
      throw new IllegalArgumentException("a window's observation count must not be negative");
    }
    if (duration == null && observations == 0) {
      throw new IllegalArgumentException("a window needs a duration, an observation count, or both");
    }
    grace = grace == null ? Duration.ZERO : grace;
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative");
    }
  }

  public Mode mode() {
    if (observations == 0) {
      return Mode.TIME;
    }
    return duration == null ? Mode.COUNT : Mode.COUNT_OR_TIME;
  }

  /** The start of the time window (TIME mode) that holds an observation made at {@code epochMs}. */
  public long alignedStart(long epochMs) {
    long d = duration.toMillis();
    return Math.floorDiv(epochMs, d) * d;
  }
}
