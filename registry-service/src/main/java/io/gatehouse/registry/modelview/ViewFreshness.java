package io.gatehouse.registry.modelview;

import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes over an eventually consistent read model: after a write, waits (a bounded time)
 * until the {@code registry-view} processor has handled every event stored so far, on whichever
 * instance holds its segment, so that the answer to a write and the next read show it. MLflow's
 * clients create a version and read it back at once.
 *
 * <p>A token past the last event is not enough: writes commit out of global-index order, so the
 * processor may have passed this write's event while it was still uncommitted, leaving it a gap in
 * the token that it fills later. The view is current only when no gap up to the last event is an
 * event now in the store (a gap no event ever fills, a rolled-back insert, does not hold it up).
 *
 * <p>It waits at most {@code gatehouse.registry.view-wait} (default 10 s) and then throws
 * {@link ViewBehind}: the write stands, but an answer read from the view then would not show it (a
 * model just registered would read as not found).
 */
@Component
public class ViewFreshness {

  private final JdbcTemplate jdbc;
  private final Serializer serializer;
  private final Duration wait;

  public ViewFreshness(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer,
      @Value("${gatehouse.registry.view-wait:10s}") Duration wait) {
    if (wait.isNegative() || wait.isZero()) {
      throw new IllegalArgumentException("gatehouse.registry.view-wait must be positive, was " + wait);
    }
    this.jdbc = jdbc;
    this.serializer = serializer;
    this.wait = wait;
  }

  /**
   * Returns once the read model shows every event committed before this call.
   *
   * @throws ViewBehind when it does not within {@code gatehouse.registry.view-wait}
   */
  public void awaitCurrent() {
    Long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    if (last == null) {
      return;
    }
    long deadline = System.nanoTime() + wait.toNanos();
    long pause = 2;
    while (true) {
      if (reached(last)) {
        return;
      }
      if (System.nanoTime() >= deadline) {
        throw new ViewBehind(wait);
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ViewBehind(wait);
      }
      pause = Math.min(pause * 2, 50);
    }
  }

  private boolean reached(long index) {
    List<TrackingToken> tokens = jdbc.query(
        "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
        (rs, i) -> token(rs.getBytes("token"), rs.getString("token_type")),
        RegistryViewProjection.PROCESSING_GROUP);
    if (tokens.isEmpty()) {
      return false;
    }
    SortedSet<Long> gaps = new TreeSet<>();
    for (TrackingToken t : tokens) {
      if (t == null || t.position().orElse(-1) < index) {
        return false;
      }
      if (t instanceof GapAwareTrackingToken gapAware) {
        gaps.addAll(gapAware.getGaps().headSet(index + 1));
      }
    }
    return gaps.isEmpty() || !jdbc.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = ANY (?))", Boolean.class,
        (Object) gaps.toArray(Long[]::new));
  }

  private TrackingToken token(byte[] token, String type) {
    if (token == null || type == null) {
      return null;
    }
    return serializer.deserialize(
        new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
  }
}
