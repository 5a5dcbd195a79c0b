package io.gatehouse.audit.auditlog.domain;

import io.gatehouse.audit.verifier.MerkleHashes;
import java.util.Arrays;

/**
 * The tree is stored as tiles of height 8, as in C2SP tlog-tiles: tile {@code (t, n)} holds up to 256
 * consecutive hashes of tree level {@code 8t}, those of nodes {@code 256n .. 256n+255}. Every hash
 * in a tile is the root of a complete subtree, so it never changes once written; the last tile of
 * each level grows until it is full. Levels between multiples of 8 are recomputed from the tile
 * below them (at most 255 hashes).
 */
public final class Tiles {

  public static final int HEIGHT = 8;
  public static final int WIDTH = 1 << HEIGHT;
  /** Bytes of a full tile. */
  public static final int FULL_BYTES = WIDTH * MerkleHashes.SIZE;

  private Tiles() {}

  /** Hashes held by a tile of {@code bytes}. */
  public static int count(byte[] tile) {
    return tile.length / MerkleHashes.SIZE;
  }

  /** Hash {@code i} of a tile. */
  public static byte[] hashAt(byte[] tile, int i) {
    return Arrays.copyOfRange(tile, i * MerkleHashes.SIZE, (i + 1) * MerkleHashes.SIZE);
  }

  /**
   * Root of the complete subtree over hashes {@code from .. from+count-1} of a tile;
   * {@code count} is a power of two.
   */
  public static byte[] subtree(byte[] tile, int from, int count) {
    if (count == 1) {
      return hashAt(tile, from);
    }
    int half = count >>> 1;
    return MerkleHashes.nodeHash(subtree(tile, from, half), subtree(tile, from + half, half));
  }

  /** Number of hashes that the last tile of tile level {@code t} holds in a tree of {@code size} leaves. */
  public static int partialCount(long size, int t) {
    return (int) ((size >>> (HEIGHT * t)) & (WIDTH - 1));
  }

  /** Tile levels a tree of {@code size} leaves has (at least 1). */
  public static int levels(long size) {
    int t = 1;
    while ((size >>> (HEIGHT * t)) > 0) {
      t++;
    }
    return t;
  }
}
