package io.gatehouse.audit.auditlog.infra;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatehouse.audit.auditlog.domain.LogTail;
import io.gatehouse.audit.auditlog.domain.MerkleTree;
import io.gatehouse.audit.auditlog.domain.TileKey;
import io.gatehouse.audit.auditlog.domain.TileNodes;
import io.gatehouse.audit.auditlog.domain.TileSource;
import io.gatehouse.audit.auditlog.domain.Tiles;
import io.gatehouse.platform.rules.RuleViolation.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Roots and proofs served from the stored tiles. Full tiles never change, so they are cached with every
 * node computed ({@link TileNodes}, 16 KiB a tile; up to 128 MiB: every level-0 tile of a log of 2
 * million entries); the growing last tile of a level is read
 * from the database once per request.
 */
@Component
public class AuditLogProofs {

  /** A checkpoint as stored: its size, root and signed note. */
  public record StoredCheckpoint(long treeSize, byte[] rootHash, String note) {}

  /** An inclusion proof of leaf {@code leafIndex} in the tree of {@code treeSize} leaves. */
  public record Inclusion(long leafIndex, String eventId, long treeSize, byte[] leafHash, byte[] rootHash,
      List<byte[]> proof) {}

  /** A consistency proof between two sizes. */
  public record Consistency(long firstSize, long secondSize, byte[] firstRootHash, byte[] secondRootHash,
      List<byte[]> proof) {}

  private final JdbcTemplate jdbc;
  private final ObjectProvider<AuditLogStore> store;
  private final Cache<TileKey, TileNodes> fullTiles = Caffeine.newBuilder()
      .maximumWeight(128L * 1024 * 1024)
      .<TileKey, TileNodes>weigher((k, v) -> v.weight() + 64)
      .build();

  public AuditLogProofs(JdbcTemplate jdbc, ObjectProvider<AuditLogStore> store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  /**
   * Once the service is up: caches the tiles each append completes from then on, and loads every
   * full tile already stored into the cache in the background.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void warmUp() {
    AuditLogStore s = store == null ? null : store.getIfAvailable();
    if (s != null) {
      s.onFullTiles(tiles -> tiles.forEach((k, v) -> fullTiles.put(k, TileNodes.of(v))));
    }
    Thread t = new Thread(() -> {
      try {
        jdbc.query("SELECT tile_level, tile_index, hashes FROM merkle_tile WHERE length(hashes) = ?"
            + " ORDER BY tile_level DESC, tile_index DESC", rs -> {
              fullTiles.put(new TileKey(rs.getInt(1), rs.getLong(2)), TileNodes.of(rs.getBytes(3)));
            }, Tiles.FULL_BYTES);
      } catch (RuntimeException e) {
        // a cold cache is only slower
      }
    }, "merkle-tile-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** The tail this instance committed last, if it covers {@code size} leaves. */
  private LogTail tailCovering(long size) {
    AuditLogStore s = store == null ? null : store.getIfAvailable();
    LogTail tail = s == null ? null : s.committedTail();
    return tail != null && tail.size() >= size ? tail : null;
  }

  public long treeSize() {
    return jdbc.queryForObject("SELECT tree_size FROM merkle_head WHERE id = 1", Long.class);
  }

  public Optional<StoredCheckpoint> latestCheckpoint() {
    return jdbc.query("SELECT tree_size, root_hash, note FROM checkpoint ORDER BY tree_size DESC LIMIT 1",
        (rs, i) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3))).stream().findFirst();
  }

  public Optional<StoredCheckpoint> checkpoint(long size) {
    return jdbc.query("SELECT tree_size, root_hash, note FROM checkpoint WHERE tree_size = ?",
        (rs, i) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3)), size).stream().findFirst();
  }

  /** The leaf index of the entry of a CloudEvent id. */
  public long indexOf(String eventId) {
    return jdbc.query("SELECT leaf_index FROM audit_entry WHERE event_id = ?", (rs, i) -> rs.getLong(1), eventId)
        .stream().findFirst()
        .orElseThrow(() -> new LogRefused("unknown-event", Kind.NOT_FOUND, "No audit entry has CloudEvent id "
            + eventId + "."));
  }

  /**
   * The inclusion proof of leaf {@code index} in the tree of {@code size} leaves; {@code size} null
   * means the latest checkpoint's size (so the proof verifies against the published checkpoint).
   */
  public Inclusion inclusion(long index, Long size) {
    long treeSize = size != null ? size : latestCheckpoint().map(StoredCheckpoint::treeSize).orElse(0L);
    long current = tailCovering(treeSize) != null ? treeSize : treeSize();
    if (treeSize > current) {
      throw new LogRefused("beyond-tree-size", Kind.INVALID, "The log holds " + current + " entries; tree size "
          + treeSize + " does not exist yet.");
    }
    if (index >= treeSize) {
      throw new LogRefused("not-in-tree", Kind.INVALID, "Entry " + index + " is not in the tree of " + treeSize
          + " entries" + (size == null ? " of the latest checkpoint; ask again after the next checkpoint, or"
              + " name a treeSize up to " + current : "") + ".");
    }
    MerkleTree tree = new MerkleTree(tiles(treeSize));
    String id = jdbc.queryForObject("SELECT event_id FROM audit_entry WHERE leaf_index = ?", String.class, index);
    return new Inclusion(index, id, treeSize, tree.leafHash(index), tree.root(treeSize),
        tree.inclusionProof(index, treeSize));
  }

  /** The consistency proof from {@code first} to {@code second} leaves. */
  public Consistency consistency(long first, long second) {
    long current = tailCovering(second) != null ? second : treeSize();
    if (first < 1 || second < first) {
      throw new LogRefused("bad-sizes", Kind.INVALID, "A consistency proof needs 1 <= first <= second; got "
          + first + " and " + second + ".");
    }
    if (second > current) {
      throw new LogRefused("beyond-tree-size", Kind.INVALID, "The log holds " + current + " entries; tree size "
          + second + " does not exist yet.");
    }
    MerkleTree tree = new MerkleTree(tiles(second));
    return new Consistency(first, second, tree.root(first), tree.root(second), tree.consistencyProof(first, second));
  }

  /** A tile source for any size: full tiles from the cache, the others read once. */
  public TileSource tiles() {
    return tiles(Long.MAX_VALUE);
  }

  /**
   * A tile source for one request about trees of at most {@code size} leaves: full tiles from the
   * cache, the last tile of a level from the tail this instance committed when it covers the size
   * (its tiles then hold every hash such a tree needs), else read once from the database.
   */
  public TileSource tiles(long size) {
    Map<TileKey, byte[]> request = new HashMap<>();
    LogTail tail = tailCovering(size);
    return new TileSource() {
      @Override
      public byte[] tile(int level, long index) {
        TileKey key = new TileKey(level, index);
        TileNodes cached = fullTiles.getIfPresent(key);
        if (cached != null) {
          return cached.tile();
        }
        if (tail != null && index == tail.size() >>> (Tiles.HEIGHT * (level + 1))) {
          return tail.partialTile(level);
        }
        return request.computeIfAbsent(key, k -> {
          byte[] tile = TileRows.read(jdbc, List.of(k)).getOrDefault(k, new byte[0]);
          if (tile.length == Tiles.FULL_BYTES) {
            fullTiles.put(k, TileNodes.of(tile));
          }
          return tile;
        });
      }

      @Override
      public byte[] subtree(int level, long index, int from, int count) {
        TileNodes nodes = fullTiles.getIfPresent(new TileKey(level, index));
        if (nodes == null) {
          tile(level, index); // caches it when it is full
          nodes = fullTiles.getIfPresent(new TileKey(level, index));
        }
        return nodes != null ? nodes.subtree(from, count) : TileSource.super.subtree(level, index, from, count);
      }
    };
  }

}
