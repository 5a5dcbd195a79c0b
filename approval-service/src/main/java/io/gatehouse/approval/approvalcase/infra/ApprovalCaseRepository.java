package io.gatehouse.approval.approvalcase.infra;

import io.gatehouse.approval.approvalcase.domain.ApprovalCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Approval cases event-sourced once per instance and then kept in a cache, checked against the
 * event store on every load. Several instances share the database: another one may have appended
 * events to a case this instance holds. A cached case is used only when its version is the last
 * sequence number stored for it (one indexed {@code max()} query); otherwise it is dropped and read
 * from the store again. The check runs under the repository's lock of the case, like the load
 * itself; an event appended by another instance after the check makes the append of this command
 * fail on the sequence number, as without a cache, and the rollback drops the cached case.
 *
 * <p>Every load is counted once in {@value #METER} with {@code outcome}: {@code hit} (used from the
 * cache), {@code stale} (cached but behind the store, read again) or {@code miss} (not cached).
 */
public class ApprovalCaseRepository extends CachingEventSourcingRepository<ApprovalCase> {

  public static final String METER = "gatehouse.approval.case.cache";

  private final Cache cache;
  private final EventStore eventStore;
  private final Counter hits;
  private final Counter stale;
  private final Counter misses;

  /**
   * @param builder configured except for the event store and the cache, which are given here so that
   *     this class can use them too (the builder does not expose them)
   */
  public ApprovalCaseRepository(EventSourcingRepository.Builder<ApprovalCase> builder, EventStore eventStore,
      Cache cache, MeterRegistry meters) {
    super(builder.eventStore(eventStore).cache(cache));
    this.cache = cache;
    this.eventStore = eventStore;
    this.hits = meters.counter(METER, "outcome", "hit");
    this.stale = meters.counter(METER, "outcome", "stale");
    this.misses = meters.counter(METER, "outcome", "miss");
  }

  @Override
  protected EventSourcedAggregate<ApprovalCase> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
    if (!cache.containsKey(aggregateIdentifier)) {
      misses.increment();
      return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }
    // An entry evicted between containsKey and the load is event-sourced by super and then passes the
    // check as a hit: counted wrong, used right.
    EventSourcedAggregate<ApprovalCase> cached = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
    if (Objects.equals(cached.version(), stored)) {
      hits.increment();
      return cached;
    }
    cache.remove(aggregateIdentifier);
    stale.increment();
    return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
  }
}
