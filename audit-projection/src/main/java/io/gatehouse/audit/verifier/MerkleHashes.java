package io.gatehouse.audit.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hashes of RFC 9162 section 2.1.1 with SHA-256: leaves prefixed 0x00, interior nodes 0x01. */
public final class MerkleHashes {

  /** Bytes of every hash. */
  public static final int SIZE = 32;

  private MerkleHashes() {}

  /** MTH of the empty tree: SHA-256 of nothing. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** {@code SHA-256(0x00 || leaf)}. */
  public static byte[] leafHash(byte[] leaf) {
    MessageDigest d = sha256();
    d.update((byte) 0x00);
    return d.digest(leaf);
  }

  /** {@code SHA-256(0x01 || left || right)}. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest d = sha256();
    d.update((byte) 0x01);
    d.update(left);
    return d.digest(right);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
