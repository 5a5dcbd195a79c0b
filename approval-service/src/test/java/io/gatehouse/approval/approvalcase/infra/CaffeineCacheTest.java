package io.gatehouse.approval.approvalcase.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaffeineCacheTest {

  private CaffeineCache cache;
  private final Heard heard = new Heard();

  @BeforeEach
  void cacheWithListener() {
    cache = new CaffeineCache(100);
    cache.registerCacheEntryListener(heard);
  }

  @Test
  void putCreatesThenUpdatesAndGetReadsWhatIsThere() {
    assertThat((Object) cache.get("a")).isNull();
    cache.put("a", 1);
    cache.put("a", 2);
    assertThat((Integer) cache.get("a")).isEqualTo(2);
    assertThat(cache.containsKey("a")).isTrue();
    assertThat(cache.containsKey("b")).isFalse();
    assertThat(heard.events).containsExactly("created a=1", "updated a=2", "read a=2");
  }

  @Test
  void putOfNullRemoves() {
    cache.put("a", 1);
    cache.put("a", null);
    assertThat(cache.containsKey("a")).isFalse();
    assertThat(heard.events).containsExactly("created a=1", "removed a");
  }

  @Test
  void putIfAbsentKeepsWhatIsThere() {
    assertThat(cache.putIfAbsent("a", 1)).isTrue();
    assertThat(cache.putIfAbsent("a", 2)).isFalse();
    assertThat((Integer) cache.get("a")).isEqualTo(1);
    assertThat(heard.events).containsExactly("created a=1", "read a=1");
  }

  @Test
  void computeIfAbsentSuppliesOnlyWhenAbsentAndRefusesNull() {
    Integer first = cache.computeIfAbsent("a", () -> 1);
    assertThat(first).isEqualTo(1);
    Integer again = cache.computeIfAbsent("a", () -> {
      throw new AssertionError("not called when present");
    });
    assertThat(again).isEqualTo(1);
    assertThatThrownBy(() -> cache.computeIfAbsent("b", () -> null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(cache.containsKey("b")).isFalse();
    assertThat(heard.events).containsExactly("created a=1", "read a=1");
  }

  @Test
  void removeSaysWhetherThereWasAnEntry() {
    cache.put("a", 1);
    assertThat(cache.remove("a")).isTrue();
    assertThat(cache.remove("a")).isFalse();
    assertThat(cache.containsKey("a")).isFalse();
    assertThat(heard.events).containsExactly("created a=1", "removed a");
  }

  @Test
  void removeAllRemovesEveryEntry() {
    cache.put("a", 1);
    cache.put("b", 2);
    heard.events.clear();
    cache.removeAll();
    assertThat(cache.containsKey("a")).isFalse();
    assertThat(cache.containsKey("b")).isFalse();
    assertThat(heard.events).containsExactlyInAnyOrder("removed a", "removed b");
  }

  @Test
  void computeIfPresentUpdatesOnlyWhatIsThereAndRemovesOnNull() {
    cache.computeIfPresent("a", (Integer v) -> v + 1);
    assertThat(cache.containsKey("a")).isFalse();
    cache.put("a", 1);
    cache.computeIfPresent("a", (Integer v) -> v + 1);
    assertThat((Integer) cache.get("a")).isEqualTo(2);
    cache.computeIfPresent("a", (Integer v) -> null);
    assertThat(cache.containsKey("a")).isFalse();
    assertThat(heard.events).containsExactly("created a=1", "updated a=2", "read a=2", "removed a");
  }

  @Test
  void aCancelledListenerHearsNothingMore() {
    Heard other = new Heard();
    Registration registration = cache.registerCacheEntryListener(other);
    cache.put("a", 1);
    assertThat(registration.cancel()).isTrue();
    cache.put("b", 2);
    assertThat(other.events).containsExactly("created a=1");
    assertThat(heard.events).containsExactly("created a=1", "created b=2");
  }

  @Test
  void holdsNoMoreThanItsBoundAndReportsEvictionsAsExpired() {
    CaffeineCache small = new CaffeineCache(3);
    Heard listener = new Heard();
    small.registerCacheEntryListener(listener);
    for (int i = 0; i < 10; i++) {
      small.put("k" + i, i);
    }
    List<String> expired = listener.events.stream().filter(e -> e.startsWith("expired")).toList();
    assertThat(expired).as("reported by the writes themselves").hasSize(7);
    assertThat(small.size()).isEqualTo(3);
    Set<String> held = IntStream.range(0, 10).mapToObj(i -> "k" + i).filter(small::containsKey)
        .collect(Collectors.toSet());
    Set<String> evicted = expired.stream().map(e -> e.substring("expired ".length())).collect(Collectors.toSet());
    assertThat(held).hasSize(3).doesNotContainAnyElementsOf(evicted);
    assertThat(listener.events.stream().filter(e -> e.startsWith("removed"))).as("evictions are not removals")
        .isEmpty();
  }

  @Test
  void refusesABoundBelowOne() {
    assertThatThrownBy(() -> new CaffeineCache(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Records what a listener heard, in order. */
  static final class Heard extends Cache.EntryListenerAdapter {

    final List<String> events = new ArrayList<>();

    @Override
    public void onEntryExpired(Object key) {
      events.add("expired " + key);
    }

    @Override
    public void onEntryRemoved(Object key) {
      events.add("removed " + key);
    }

    @Override
    public void onEntryUpdated(Object key, Object value) {
      events.add("updated " + key + "=" + value);
    }

    @Override
    public void onEntryCreated(Object key, Object value) {
      events.add("created " + key + "=" + value);
    }

    @Override
    public void onEntryRead(Object key, Object value) {
      events.add("read " + key + "=" + value);
    }
  }
}
