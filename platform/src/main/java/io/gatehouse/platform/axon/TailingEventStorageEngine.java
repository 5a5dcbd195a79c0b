package io.gatehouse.platform.axon;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, reading the event stream with {@link TailReads}' statements so that a
 * read of the stream can stop at the first batch shorter than the batch size.
 *
 * <p>Axon's engine ends a read only at an empty batch, and checks each empty batch with a
 * {@code min(global_index)} look-ahead. Its event store's producer reads again whenever a read found
 * something. So an event committed on its own cost the tailing processors five statements in three
 * transactions (found; empty and look-ahead; empty and look-ahead). Here it costs two statements in
 * two transactions (found, short: the read ends; the producer's read again: empty). The look-ahead
 * is off because an empty answer to a {@code LIMIT} read already means nothing was committed after
 * the token; the events filling gaps are still read, by value.
 *
 * <p>A stream that ended is asked again when its reader asks for more: the next call reads the next
 * batch, as Axon's stream does, so readers that keep an iterator (a catching-up processor) see what
 * was committed since.
 */
final class TailingEventStorageEngine extends JdbcEventStorageEngine {

  TailingEventStorageEngine(Builder builder) {
    super(builder
        .readEventDataWithoutGaps(TailReads::after)
        .readEventDataWithGaps(TailReads::afterAndGaps)
        .extendedGapCheckEnabled(false));
  }

  @Override
  protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
    return StreamSupport.stream(new Batches(trackingToken), false);
  }

  /** Batches read one after the other from a token; ends after a short batch or an empty one. */
  private final class Batches extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

    private TrackingToken last;
    private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
    private boolean ended;

    Batches(TrackingToken from) {
      super(Long.MAX_VALUE, ORDERED | NONNULL | DISTINCT);
      this.last = from;
    }

    @Override
    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
      if (!batch.hasNext()) {
        if (ended) {
          ended = false; // asked again: read on from where it stopped
          return false;
        }
        List<? extends TrackedEventData<?>> read = fetchTrackedEvents(last, batchSize());
        batch = read.iterator();
        if (read.isEmpty()) {
          return false;
        }
        ended = read.size() < batchSize();
      }
      TrackedEventData<?> next = batch.next();
      last = next.trackingToken();
      action.accept(next);
      return true;
    }
  }
}
