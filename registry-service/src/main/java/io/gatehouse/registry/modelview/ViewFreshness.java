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
 */
@Component
public class ViewFreshness {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final JdbcTemplate jdbc;
  private final Serializer serializer;

  public ViewFreshness(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
    this.jdbc = jdbc;
    this.serializer = serializer;
  }

  /** Waits until the read model shows every event committed before this call; false on time-out. */
  public boolean awaitCurrent() {
    Long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    if (last == null) {
      return true;
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    long pause = 2;
    while (System.nanoTime() < deadline) {
      if (reached(last)) {
        return true;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      pause = Math.min(pause * 2, 50);
    }
    return false;
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
