package io.gatehouse.platform.axon;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, telling its producer about commits a moment late so that commits
 * close together are read, and handed to the streaming processors, together.
 *
 * <p>Axon wakes the producer that feeds the tailing processors (the case view, the Kafka publisher)
 * after every commit; each wake-up costs read transactions, and each processor then handles what it
 * was given in a transaction of its own that also stores its token. Under load, commits a few
 * milliseconds apart were each read and handled alone. Here the first commit after a wake-up
 * schedules one {@code delay} later, and the commits in between ride along: at most one wake-up per
 * {@code delay}, at the cost of up to {@code delay} more before a projection or Kafka sees an event.
 * Nothing waits for that in a command's answer. A zero delay wakes the producer at once, as Axon does.
 */
final class GatheringEventStore extends EmbeddedEventStore {

  private final long delayNanos;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ScheduledExecutorService notifier;

  GatheringEventStore(Builder builder, Duration delay) {
    super(builder);
    this.delayNanos = delay.toNanos();
    this.notifier = delayNanos > 0
        ? Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "event-store-notifier");
          thread.setDaemon(true);
          return thread;
        })
        : null;
  }

  @Override
  protected void afterCommit(List<? extends EventMessage<?>> events) {
    if (notifier == null) {
      super.afterCommit(events);
      return;
    }
    if (scheduled.compareAndSet(false, true)) {
      notifier.schedule(this::wakeProducer, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Cleared before the producer is woken: a commit that still found it set happened before the
   * wake-up, so the producer's next read sees it; one that finds it clear schedules the next.
   */
  private void wakeProducer() {
    scheduled.set(false);
    super.afterCommit(List.of());
  }

  @Override
  public void shutDown() {
    if (notifier != null) {
      notifier.shutdownNow();
    }
    super.shutDown();
  }
}
