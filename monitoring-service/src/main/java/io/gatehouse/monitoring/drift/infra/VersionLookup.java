package io.gatehouse.monitoring.drift.infra;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The engine's view of the versions it knows, from the global store {@code versions}, compiled once
 * per change and re-read at most every {@code configRefresh}: a lookup per observation is a hash map
 * get. One per processor instance (stream thread), so no locking.
 */
final class VersionLookup {

  private final KeyValueStore<String, byte[]> store;
  private final EngineSettings settings;
  private final long refreshMs;
  private final Map<String, Entry> cache = new HashMap<>();

  private static final class Entry {
    CompiledVersion version;
    byte[] raw;
    long checkedAt;
  }

  VersionLookup(KeyValueStore<String, byte[]> store, EngineSettings settings) {
    this.store = store;
    this.settings = settings;
    this.refreshMs = settings.configRefresh().toMillis();
  }

  /** The entry asked for last: a partition's records tend to come in runs of one model. */
  private String lastModel;
  private int lastVersion;
  private Entry last;

  /** The version, or null if the engine does not know it. */
  CompiledVersion get(String model, int version, long now) {
    if (last != null && version == lastVersion && model.equals(lastModel) && now - last.checkedAt < refreshMs) {
      return last.version;
    }
    String key = VersionConfig.key(model, version);
    Entry e = cache.get(key);
    lastModel = model;
    lastVersion = version;
    if (e != null && now - e.checkedAt < refreshMs) {
      last = e;
      return e.version;
    }
    byte[] raw = store.get(key);
    if (e == null) {
      e = new Entry();
      cache.put(key, e);
    }
    e.checkedAt = now;
    last = e;
    if (raw == null) {
      e.raw = null;
      e.version = null;
    } else if (e.raw == null || !java.util.Arrays.equals(raw, e.raw)) {
      e.raw = raw;
      e.version = CompiledVersion.compile(raw, settings);
    }
    return e.version;
  }
}
