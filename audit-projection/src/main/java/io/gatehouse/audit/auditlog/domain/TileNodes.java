package io.gatehouse.audit.auditlog.domain;

import io.gatehouse.audit.verifier.MerkleHashes;
import java.util.Arrays;

/**
 * Every node of a full tile, computed once: the 256 hashes it holds (height 0 within the tile) and
 * the 255 complete subtrees over them (heights 1 to 8), 511 hashes in all, height by height. A full
 * tile never changes, so a proof served from these needs no hashing inside the tile.
 */
public final class TileNodes {

  private final byte[] nodes;

  private TileNodes(byte[] nodes) {
    this.nodes = nodes;
  }

  /** The nodes of a full tile ({@link Tiles#FULL_BYTES} bytes). */
  public static TileNodes of(byte[] fullTile) {
    if (fullTile.length != Tiles.FULL_BYTES) {
      throw new IllegalArgumentException("a full tile has " + Tiles.FULL_BYTES + " bytes, not " + fullTile.length);
    }
    int size = MerkleHashes.SIZE;
    byte[] nodes = Arrays.copyOf(fullTile, (2 * Tiles.WIDTH - 1) * size);
    for (int h = 1; h <= Tiles.HEIGHT; h++) {
      int below = offset(h - 1);
      int here = offset(h);
      for (int i = 0; i < Tiles.WIDTH >> h; i++) {
        byte[] left = Arrays.copyOfRange(nodes, (below + 2 * i) * size, (below + 2 * i + 1) * size);
        byte[] right = Arrays.copyOfRange(nodes, (below + 2 * i + 1) * size, (below + 2 * i + 2) * size);
        System.arraycopy(MerkleHashes.nodeHash(left, right), 0, nodes, (here + i) * size, size);
      }
    }
    return new TileNodes(nodes);
  }

  /** Index of the first node of height {@code h}: 256 + 128 + ... nodes come before it. */
  private static int offset(int h) {
    return 2 * Tiles.WIDTH - (2 * Tiles.WIDTH >> h);
  }

  /** The root of the complete subtree over hashes {@code from .. from+count-1}; {@code count} a power of two. */
  public byte[] subtree(int from, int count) {
    int h = Integer.numberOfTrailingZeros(count);
    if (Integer.bitCount(count) != 1 || from % count != 0 || from + count > Tiles.WIDTH) {
      throw new IllegalArgumentException("no complete subtree of " + count + " hashes from " + from);
    }
    int i = offset(h) + from / count;
    return Arrays.copyOfRange(nodes, i * MerkleHashes.SIZE, (i + 1) * MerkleHashes.SIZE);
  }

  /** The tile itself: its 256 hashes. */
  public byte[] tile() {
    return Arrays.copyOf(nodes, Tiles.FULL_BYTES);
  }

  /** Bytes held. */
  public int weight() {
    return nodes.length;
  }
}
