package io.gatehouse.platform.context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The acting identity and trace of the work in progress.
 *
 * @param actor stable subject of whoever acts (a person, or {@code service:<name>} for the system)
 * @param actorName display name, or null
 * @param traceparent W3C trace context of the work
 * @param causationId id of the event that caused this work, or null for a request
 */
public record Acting(String actor, String actorName, String traceparent, String causationId) {

  public static final String ACTOR = "actor";
  public static final String ACTOR_NAME = "actorName";
  public static final String TRACEPARENT = "traceparent";
  public static final String CAUSATION_ID = "causationId";

  /** Metadata entries for Axon messages; absent values are left out. */
  public Map<String, String> asMetadata() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, ACTOR, actor);
    put(m, ACTOR_NAME, actorName);
    put(m, TRACEPARENT, traceparent);
    put(m, CAUSATION_ID, causationId);
    return m;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
