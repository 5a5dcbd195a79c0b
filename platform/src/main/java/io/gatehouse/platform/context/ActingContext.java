package io.gatehouse.platform.context;

import java.util.Optional;
import java.util.function.Supplier;

/** The {@link Acting} of the current thread: set by the web filter and by the Kafka consumer. */
public final class ActingContext {

  private static final ThreadLocal<Acting> CURRENT = new ThreadLocal<>();

  private ActingContext() {}

  public static Optional<Acting> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs {@code work} as {@code acting}, restoring what was there before. */
  public static <T> T callAs(Acting acting, Supplier<T> work) {
    try (Scope ignored = open(acting)) {
      return work.get();
    }
  }

  /** Makes {@code acting} current until the returned scope is closed. */
  public static Scope open(Acting acting) {
    Acting previous = CURRENT.get();
    CURRENT.set(acting);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** A scope that restores the previous acting context when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

}
