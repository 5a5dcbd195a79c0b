package io.gatehouse.approval.approvalcase.infra;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's {@link Cache} over a Caffeine cache bounded to a number of entries. Axon ships adapters for
 * JCache and Ehcache only; Caffeine is already on the class path and needs no configuration file.
 *
 * <p>Listeners hear of entries created, updated, read, removed, and evicted for size (reported as
 * expired: Axon's listener has no other word for an entry the cache dropped by itself). Caffeine's
 * maintenance, and so eviction and its notification, runs on the calling thread
 * ({@code executor(Runnable::run)}): an eviction is reported before the write that caused it returns,
 * and no pool thread is involved. Other notifications are sent after the map operation, outside
 * Caffeine's locks.
 */
public class CaffeineCache implements Cache {

  private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;
  private final ConcurrentMap<Object, Object> map;
  private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

  public CaffeineCache(long maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("A cache holds at least one entry; got " + maxEntries);
    }
    this.cache = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .executor(Runnable::run)
        .removalListener((Object key, Object value, RemovalCause cause) -> {
          if (cause.wasEvicted() && key != null) {
            notify(l -> l.onEntryExpired(key));
          }
        })
        .build();
    this.map = cache.asMap();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> V get(K key) {
    Object value = cache.getIfPresent(key);
    if (value != null) {
      notify(l -> l.onEntryRead(key, value));
    }
    return (V) value;
  }

  /** Puts {@code value}; a {@code null} value removes the entry, as Caffeine holds no nulls. */
  @Override
  public void put(Object key, Object value) {
    if (value == null) {
      remove(key);
      return;
    }
    Object previous = map.put(key, value);
    if (previous == null) {
      notify(l -> l.onEntryCreated(key, value));
    } else {
      notify(l -> l.onEntryUpdated(key, value));
    }
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("The cache holds no null value (key " + key + ")");
    }
    boolean created = map.putIfAbsent(key, value) == null;
    if (created) {
      notify(l -> l.onEntryCreated(key, value));
    }
    return created;
  }

  /** The cached value, or the supplier's, stored atomically; a supplier giving {@code null} is refused. */
  @Override
  @SuppressWarnings("unchecked")
  public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    boolean[] created = {false};
    Object value = map.computeIfAbsent(key, k -> {
      T supplied = valueSupplier.get();
      if (supplied == null) {
        throw new IllegalArgumentException("The supplier gave no value for key " + key);
      }
      created[0] = true;
      return supplied;
    });
    if (created[0]) {
      notify(l -> l.onEntryCreated(key, value));
    } else {
      notify(l -> l.onEntryRead(key, value));
    }
    return (T) value;
  }

  @Override
  public boolean remove(Object key) {
    boolean removed = map.remove(key) != null;
    if (removed) {
      notify(l -> l.onEntryRemoved(key));
    }
    return removed;
  }

  /** Removes every entry, each reported as removed. */
  @Override
  public void removeAll() {
    for (Object key : List.copyOf(map.keySet())) {
      remove(key);
    }
  }

  @Override
  public boolean containsKey(Object key) {
    return map.containsKey(key);
  }

  /** Replaces a present value atomically; an operator giving {@code null} removes the entry. */
  @Override
  @SuppressWarnings("unchecked")
  public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    boolean[] present = {false};
    Object value = map.computeIfPresent(key, (k, v) -> {
      present[0] = true;
      return update.apply((V) v);
    });
    if (!present[0]) {
      return;
    }
    if (value == null) {
      notify(l -> l.onEntryRemoved(key));
    } else {
      notify(l -> l.onEntryUpdated(key, value));
    }
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Entries held now, after pending maintenance (evictions) has run. */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private void notify(Consumer<EntryListener> event) {
    for (EntryListener listener : listeners) {
      event.accept(listener);
    }
  }
}
