package io.gatehouse.audit.auditlog.domain;

import io.gatehouse.audit.verifier.MerkleHashes;
import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of any tree size up to the stored one, read from tiles: RFC 9162 MTH
 * (section 2.1.1), PATH (inclusion, 2.1.3.1) and PROOF/SUBPROOF (consistency, 2.1.4.1), written as
 * the RFC's recursions over leaf ranges. Complete subtrees are read from tiles; the ragged right
 * edges of a size are hashed from the complete subtrees they consist of.
 */
public final class MerkleTree {

  private final TileSource tiles;

  public MerkleTree(TileSource tiles) {
    this.tiles = tiles;
  }

  /** MTH of the first {@code size} leaves. */
  public byte[] root(long size) {
    return size == 0 ? MerkleHashes.emptyRoot() : range(0, size);
  }

  /** The leaf hash of leaf {@code index}. */
  public byte[] leafHash(long index) {
    return node(0, index);
  }

  /** PATH(index, D[0:size]): sibling hashes from the leaf up. */
  public List<byte[]> inclusionProof(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
    }
    List<byte[]> proof = new ArrayList<>();
    path(index, 0, size, proof);
    return proof;
  }

  /** PROOF(m, D[0:n]) for {@code 0 < m <= n}; empty when they are equal. */
  public List<byte[]> consistencyProof(long m, long n) {
    if (m <= 0 || m > n) {
      throw new IllegalArgumentException("consistency needs 0 < first size <= second size");
    }
    List<byte[]> proof = new ArrayList<>();
    if (m < n) {
      subproof(m, 0, n, true, proof);
    }
    return proof;
  }

  private void path(long index, long lo, long hi, List<byte[]> out) {
    long n = hi - lo;
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (index - lo < k) {
      path(index, lo, lo + k, out);
      out.add(range(lo + k, hi));
    } else {
      path(index, lo + k, hi, out);
      out.add(range(lo, lo + k));
    }
  }

  private void subproof(long m, long lo, long hi, boolean whole, List<byte[]> out) {
    long n = hi - lo;
    if (m == n) {
      if (!whole) {
        out.add(range(lo, hi));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, lo, lo + k, whole, out);
      out.add(range(lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false, out);
      out.add(range(lo, lo + k));
    }
  }

  /** MTH(D[lo:hi]) where {@code lo} is a multiple of the largest power of two not above {@code hi - lo}. */
  byte[] range(long lo, long hi) {
    long n = hi - lo;
    if (Long.bitCount(n) == 1 && lo % n == 0) {
      int level = Long.numberOfTrailingZeros(n);
      return node(level, lo >>> level);
    }
    long k = largestPowerOfTwoBelow(n);
    return MerkleHashes.nodeHash(range(lo, lo + k), range(lo + k, hi));
  }

  /** The root of the complete subtree of tree level {@code level} with index {@code index}. */
  byte[] node(int level, long index) {
    int t = level / Tiles.HEIGHT;
    int r = level % Tiles.HEIGHT;
    long first = index << r;
    return tiles.subtree(t, first >>> Tiles.HEIGHT, (int) (first & (Tiles.WIDTH - 1)), 1 << r);
  }

  /** The largest power of two strictly below {@code n} (n at least 2). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
