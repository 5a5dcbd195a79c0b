package io.gatehouse.audit.verifier;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of RFC 9162 proofs: inclusion (section 2.1.3.2) and consistency (section 2.1.4.2),
 * step by step as the RFC writes them, strict about sizes: every hash is 32 bytes and a proof has
 * exactly the number of elements its sizes call for.
 */
public final class Proofs {

  private Proofs() {}

  /** Checks that {@code leafHash} is leaf {@code index} of the tree of {@code treeSize} leaves with {@code root}. */
  public static void verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root)
      throws ProofException {
    byte[] computed = rootFromInclusion(index, treeSize, leafHash, proof);
    requireHash("root", root);
    if (!MessageDigest.isEqual(computed, root)) {
      throw new ProofException("inclusion proof does not lead to the root: computed "
          + Hex.of(computed) + ", expected " + Hex.of(root));
    }
  }

  /** The root that an inclusion proof leads to (RFC 9162 2.1.3.2 steps 1-5, without the final comparison). */
  public static byte[] rootFromInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof)
      throws ProofException {
    if (treeSize <= 0 || index < 0) {
      throw new ProofException("tree size must be positive and the index not negative");
    }
    if (index >= treeSize) {
      throw new ProofException("leaf index " + index + " is not below tree size " + treeSize);
    }
    requireHash("leaf hash", leafHash);
    List<byte[]> path = proof == null ? List.of() : proof;
    for (int i = 0; i < path.size(); i++) {
      requireHash("proof[" + i + "]", path.get(i));
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        throw new ProofException("inclusion proof has more elements than a tree of " + treeSize + " needs");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHashes.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = MerkleHashes.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new ProofException("inclusion proof has fewer elements than a tree of " + treeSize + " needs");
    }
    return r;
  }

  /**
   * Checks that the tree of {@code size1} leaves with {@code root1} is a prefix of the tree of
   * {@code size2} leaves with {@code root2}. Equal sizes need equal roots and an empty proof; a first
   * size of 0 proves nothing and is refused.
   */
  public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
      throws ProofException {
    List<byte[]> path = proof == null ? List.of() : proof;
    if (size1 <= 0) {
      throw new ProofException("a consistency proof from an empty tree proves nothing");
    }
    if (size2 < size1) {
      throw new ProofException("the second tree (" + size2 + ") is smaller than the first (" + size1 + ")");
    }
    if (size1 == size2) {
      if (!path.isEmpty()) {
        throw new ProofException("trees of equal size need an empty consistency proof");
      }
      if (root1 == null || root2 == null || !MessageDigest.isEqual(root1, root2)) {
        throw new ProofException("trees of equal size have different roots");
      }
      return;
    }
    requireHash("first root", root1);
    requireHash("second root", root2);
    if (path.isEmpty()) {
      throw new ProofException("consistency proof is empty");
    }
    for (int i = 0; i < path.size(); i++) {
      requireHash("proof[" + i + "]", path.get(i));
    }
    // RFC 9162 2.1.4.2
    java.util.ArrayList<byte[]> c = new java.util.ArrayList<>(path);
    if (Long.bitCount(size1) == 1) {
      c.add(0, root1); // first is an exact power of 2: prepend first_hash
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = c.get(0);
    byte[] sr = c.get(0);
    for (int i = 1; i < c.size(); i++) {
      byte[] p = c.get(i);
      if (sn == 0) {
        throw new ProofException("consistency proof has more elements than the sizes need");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHashes.nodeHash(p, fr);
        sr = MerkleHashes.nodeHash(p, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = MerkleHashes.nodeHash(sr, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new ProofException("consistency proof has fewer elements than the sizes need");
    }
    if (!MessageDigest.isEqual(fr, root1)) {
      throw new ProofException("consistency proof does not lead to the first root");
    }
    if (!MessageDigest.isEqual(sr, root2)) {
      throw new ProofException("consistency proof does not lead to the second root");
    }
  }

  private static void requireHash(String what, byte[] hash) throws ProofException {
    if (hash == null || hash.length != MerkleHashes.SIZE) {
      throw new ProofException(what + " must be " + MerkleHashes.SIZE + " bytes, was "
          + (hash == null ? "missing" : hash.length));
    }
  }
}
