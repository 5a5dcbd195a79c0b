package io.gatehouse.audit.auditlog.domain;

import io.gatehouse.audit.verifier.MerkleHashes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The growing right edge of the tree: its size and the last (partial) tile of each tile level. That
 * is all an append needs, and all the root needs. Appends record which tiles changed so the caller
 * can store them.
 */
public final class LogTail {

  private long size;
  private final List<byte[]> partial;
  private final Map<TileKey, byte[]> changed = new LinkedHashMap<>();

  private LogTail(long size, List<byte[]> partial) {
    this.size = size;
    this.partial = partial;
  }

  public static LogTail empty() {
    return new LogTail(0, new ArrayList<>(List.of(new byte[0])));
  }

  /**
   * The tail of a tree of {@code size} leaves from its last tile at each level ({@code partialTiles.get(t)}
   * holds exactly {@link Tiles#partialCount} hashes).
   */
  public static LogTail of(long size, List<byte[]> partialTiles) {
    int levels = Tiles.levels(size);
    if (partialTiles.size() < levels) {
      throw new IllegalArgumentException("a tree of " + size + " leaves has " + levels + " tile levels");
    }
    List<byte[]> p = new ArrayList<>();
    for (int t = 0; t < levels; t++) {
      byte[] tile = partialTiles.get(t);
      int want = Tiles.partialCount(size, t);
      if (tile.length < want * MerkleHashes.SIZE) {
        throw new IllegalArgumentException("tile level " + t + " holds " + Tiles.count(tile) + " hashes, needs "
            + want);
      }
      p.add(Arrays.copyOf(tile, want * MerkleHashes.SIZE));
    }
    return new LogTail(size, p);
  }

  /** Keys of the last tile of each level of a tree of {@code size} leaves (some may be empty). */
  public static List<TileKey> partialKeys(long size) {
    List<TileKey> keys = new ArrayList<>();
    for (int t = 0; t < Tiles.levels(size); t++) {
      keys.add(new TileKey(t, size >>> (Tiles.HEIGHT * (t + 1))));
    }
    return keys;
  }

  public LogTail copy() {
    return new LogTail(size, new ArrayList<>(partial));
  }

  public long size() {
    return size;
  }

  /** Appends a leaf hash; returns its index. */
  public long append(byte[] leafHash) {
    if (leafHash.length != MerkleHashes.SIZE) {
      throw new IllegalArgumentException("a leaf hash is 32 bytes");
    }
    long index = size;
    appendAt(0, leafHash, index);
    size = index + 1;
    return index;
  }

  private void appendAt(int t, byte[] hash, long leafIndex) {
    if (partial.size() == t) {
      partial.add(new byte[0]);
    }
    byte[] cur = partial.get(t);
    byte[] next = Arrays.copyOf(cur, cur.length + MerkleHashes.SIZE);
    System.arraycopy(hash, 0, next, cur.length, MerkleHashes.SIZE);
    changed.put(new TileKey(t, leafIndex >>> (Tiles.HEIGHT * (t + 1))), next);
    if (next.length == Tiles.FULL_BYTES) {
      partial.set(t, new byte[0]);
      appendAt(t + 1, Tiles.subtree(next, 0, Tiles.WIDTH), leafIndex);
    } else {
      partial.set(t, next);
    }
  }

  /** Tiles changed since the last call, in the order they changed, with their content now. */
  public Map<TileKey, byte[]> drainChanged() {
    Map<TileKey, byte[]> out = new LinkedHashMap<>(changed);
    changed.clear();
    return out;
  }

  /** The last tile of level {@code t}, as held now. */
  public byte[] partialTile(int t) {
    return t < partial.size() ? partial.get(t) : new byte[0];
  }

  /** MTH of the whole tree (RFC 9162 2.1.1), from the complete subtrees along its right edge. */
  public byte[] root() {
    if (size == 0) {
      return MerkleHashes.emptyRoot();
    }
    byte[] acc = null;
    for (int level = 0; level < 64 && (size >>> level) != 0; level++) {
      if (((size >>> level) & 1) == 0) {
        continue;
      }
      int t = level / Tiles.HEIGHT;
      int r = level % Tiles.HEIGHT;
      int count = Tiles.partialCount(size, t);
      int from = (count >>> (r + 1)) << (r + 1);
      byte[] node = Tiles.subtree(partial.get(t), from, 1 << r);
      acc = acc == null ? node : MerkleHashes.nodeHash(node, acc);
    }
    return acc;
  }
}
