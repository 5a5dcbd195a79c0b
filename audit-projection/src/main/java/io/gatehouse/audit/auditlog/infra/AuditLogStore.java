package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.audit.auditlog.domain.LogTail;
import io.gatehouse.audit.auditlog.domain.TileKey;
import io.gatehouse.audit.auditlog.domain.Tiles;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends entries to the Merkle log in the caller's transaction (the consumer's, which also records
 * the inbox row): entry rows with their leaf index, the changed tiles, the new head, and a signed
 * checkpoint when {@code every-entries} were appended since the last one. The head row is locked
 * first, so appends from every consumer thread and instance form one total order, and a rolled back
 * transaction leaves no trace. The tail of the last commit is kept in memory and reused when the
 * stored head still has its size; otherwise it is read back from the tiles.
 */
@Component
public class AuditLogStore {

  /** An entry and the leaf index it was given. */
  public record Appended(long index, IncomingEntry entry) {}

  /**
   * What an append did; {@code continuesOwnTail} is true when the log's head was the one this
   * instance wrote last (no other writer appended in between, and that append committed), so state
   * this instance keeps in memory about the log is current.
   */
  public record Result(List<Appended> appended, boolean continuesOwnTail) {}

  /** A head this instance wrote: the tail and its root. */
  private record Written(LogTail tail, byte[] root) {}

  private final JdbcTemplate jdbc;
  private final CheckpointSigner signer;
  private final long checkpointEvery;
  private final AtomicReference<LogTail> committedTail = new AtomicReference<>();
  /**
   * The head as this instance's last append wrote it, set before that append commits. The next
   * append, holding the head's lock, finds the same size and root in the table exactly when that
   * append committed and nobody appended since. Comparing with {@link #committedTail} instead (set
   * after commit) missed whenever the next consumer thread took the lock before the committing
   * thread had recorded its commit, which with several consumer threads was most of the time.
   */
  private final AtomicReference<Written> lastWritten = new AtomicReference<>();
  private final AtomicLong lastCheckpointSize = new AtomicLong(-1);
  private final List<Consumer<Map<TileKey, byte[]>>> fullTileListeners = new CopyOnWriteArrayList<>();

  public AuditLogStore(JdbcTemplate jdbc, CheckpointSigner signer, AuditLogProperties props) {
    this.jdbc = jdbc;
    this.signer = signer;
    this.checkpointEvery = Math.max(1, props.getCheckpoint().getEveryEntries());
  }

  /**
   * Appends the entries in order (a CloudEvent id repeated in the list counts once); returns them with
   * the leaf indexes given. The inbox has already dropped events seen before; an id logged anyway violates the
   * unique key and fails the transaction rather than logging an event twice.
   */
  public Result append(List<IncomingEntry> entries) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("appends run in the consumer's transaction");
    }
    Map<String, Object> head = jdbc.queryForMap("SELECT tree_size, root_hash FROM merkle_head WHERE id = 1 FOR UPDATE");
    long size = ((Number) head.get("tree_size")).longValue();
    Map<String, IncomingEntry> fresh = new LinkedHashMap<>();
    entries.forEach(e -> fresh.putIfAbsent(e.event().id(), e));
    if (fresh.isEmpty()) {
      return new Result(List.of(), false);
    }
    Written written = lastWritten.get();
    boolean own = written != null && written.tail().size() == size
        && Arrays.equals(written.root(), (byte[]) head.get("root_hash"));
    LogTail tail = own ? written.tail().copy() : TileRows.tail(jdbc, size);
    List<Object[]> rows = new ArrayList<>(fresh.size());
    List<Appended> appended = new ArrayList<>(fresh.size());
    for (IncomingEntry in : fresh.values()) {
      byte[] leaf = in.leaf();
      byte[] hash = in.leafHash();
      long index = tail.append(hash);
      appended.add(new Appended(index, in));
      var e = in.event();
      rows.add(new Object[] {e.id(), e.type(), e.source(), e.subject(), in.modelName(), in.modelVersion(),
          Timestamp.from(e.time()), e.actor(), in.traceparent(), in.topic(), in.partition(), in.offset(), index, leaf,
          hash});
    }
    CopyRows.copy(jdbc, "audit_entry", List.of("event_id", "event_type", "source", "subject", "model_name",
        "model_version", "event_time", "actor", "traceparent", "topic", "partition_no", "offset_no", "leaf_index",
        "entry", "leaf_hash"), rows);
    Map<TileKey, byte[]> changedTiles = tail.drainChanged();
    TileRows.write(jdbc, changedTiles);
    Map<TileKey, byte[]> fullTiles = new HashMap<>();
    changedTiles.forEach((k, v) -> {
      if (v.length == Tiles.FULL_BYTES) {
        fullTiles.put(k, v);
      }
    });
    byte[] root = tail.root();
    jdbc.update("UPDATE merkle_head SET tree_size = ?, root_hash = ?, updated_at = now() WHERE id = 1",
        tail.size(), root);
    long last = lastCheckpointSize();
    boolean checkpoint = tail.size() - last >= checkpointEvery;
    if (checkpoint) {
      insertCheckpoint(tail.size(), root);
    }
    LogTail committed = tail;
    lastWritten.set(new Written(committed, root));
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        committedTail.set(committed);
        if (!fullTiles.isEmpty()) {
          fullTileListeners.forEach(l -> l.accept(fullTiles));
        }
        if (checkpoint) {
          lastCheckpointSize.accumulateAndGet(committed.size(), Math::max);
        }
      }
    });
    return new Result(appended, own);
  }

  /**
   * Calls {@code listener} after each commit with the tiles it completed (full tiles never change
   * again): the proof service caches them so that no proof reads them back.
   */
  public void onFullTiles(Consumer<Map<TileKey, byte[]>> listener) {
    fullTileListeners.add(listener);
  }

  /** The tail of the tree as this instance last committed it (never changed afterwards), or null. */
  public LogTail committedTail() {
    return committedTail.get();
  }

  /** Signs and stores the checkpoint of the current head if the log grew since the last one (or none exists). */
  public boolean checkpointNow() {
    Map<String, Object> head = jdbc.queryForMap("SELECT tree_size, root_hash FROM merkle_head WHERE id = 1");
    long size = ((Number) head.get("tree_size")).longValue();
    Long last = jdbc.queryForObject("SELECT max(tree_size) FROM checkpoint", Long.class);
    if (last != null && last >= size) {
      return false;
    }
    insertCheckpoint(size, (byte[]) head.get("root_hash"));
    lastCheckpointSize.accumulateAndGet(size, Math::max);
    return true;
  }

  private void insertCheckpoint(long size, byte[] root) {
    jdbc.update("INSERT INTO checkpoint (tree_size, root_hash, note) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        size, root, signer.sign(size, root));
  }

  private long lastCheckpointSize() {
    long known = lastCheckpointSize.get();
    if (known >= 0) {
      return known;
    }
    Long last = jdbc.queryForObject("SELECT coalesce(max(tree_size), 0) FROM checkpoint", Long.class);
    lastCheckpointSize.accumulateAndGet(last, Math::max);
    return last;
  }
}
