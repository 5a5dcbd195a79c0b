package io.gatehouse.registry.modelview;

import java.time.Duration;

/**
 * A write was stored, but the registry's view had not shown it when {@link ViewFreshness} stopped
 * waiting, so the answer cannot read it back. The write is not undone and must not be sent again:
 * the view shows it once its processor catches up. Answered 503 with {@code Retry-After}
 * (problem type {@code view-behind}; MLflow's {@code TEMPORARILY_UNAVAILABLE}).
 */
public class ViewBehind extends RuntimeException {

  public static final String CODE = "view-behind";
  /** Seconds a caller should wait before reading again. */
  public static final int RETRY_AFTER_SECONDS = 1;

  public ViewBehind(Duration waited) {
    super("The change was stored, but the registry's view had not caught up with it after "
        + waited.toMillis() + " ms, so this answer cannot show it. Do not send the change again: read it in a"
        + " moment (retry after " + RETRY_AFTER_SECONDS + " s).", null, false, false);
  }
}
