package io.gatehouse.registry.modelview;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
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
    List<OptionalLong> positions = jdbc.query(
        "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
        (rs, i) -> position(rs.getBytes("token"), rs.getString("token_type")),
        RegistryViewProjection.PROCESSING_GROUP);
    return !positions.isEmpty()
        && positions.stream().allMatch(p -> p.isPresent() && p.getAsLong() >= index);
  }

  private OptionalLong position(byte[] token, String type) {
    if (token == null || type == null) {
      return OptionalLong.empty();
    }
    TrackingToken t = serializer.deserialize(
        new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
    return t == null ? OptionalLong.empty() : t.position();
  }
}
