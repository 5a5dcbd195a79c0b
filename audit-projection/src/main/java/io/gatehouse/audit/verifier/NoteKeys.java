package io.gatehouse.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys of C2SP signed notes. A key is named; its id is the first 4 bytes of
 * {@code SHA-256(name || 0x0A || 0x01 || public key)}; the verifier key that is shared is the text
 * {@code <name>+<hex key id>+<base64(0x01 || 32-byte public key)>}.
 */
public final class NoteKeys {

  /** The signature type byte of Ed25519 in C2SP signed-note. */
  public static final byte ED25519 = 0x01;

  /** DER prefix of an X.509 SubjectPublicKeyInfo for an Ed25519 key; the raw 32 bytes follow. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private NoteKeys() {}

  /** A verifier key: its name, id and Ed25519 public key. */
  public record VerifierKey(String name, int keyId, byte[] rawPublicKey) {

    public PublicKey publicKey() {
      return NoteKeys.publicKey(rawPublicKey);
    }

    /** The text form {@code name+hexid+base64(0x01||key)}. */
    public String encode() {
      byte[] typed = new byte[33];
      typed[0] = ED25519;
      System.arraycopy(rawPublicKey, 0, typed, 1, 32);
      return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }
  }

  /** The key id of {@code name} and a raw Ed25519 public key. */
  public static int keyId(String name, byte[] rawPublicKey) {
    MessageDigest d = MerkleHashes.sha256();
    d.update(name.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0x0A);
    d.update(ED25519);
    byte[] h = d.digest(rawPublicKey);
    return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
  }

  /** Parses {@code name+hexid+base64key}, checking that the id matches the name and key. */
  public static VerifierKey parseVerifierKey(String text) throws ProofException {
    String v = text.strip();
    // A key name never contains '+' (C2SP signed-note), the base64 key may.
    int first = v.indexOf('+');
    int second = first < 0 ? -1 : v.indexOf('+', first + 1);
    if (first <= 0 || second < 0) {
      throw new ProofException("a verifier key reads name+keyid+base64key");
    }
    String name = v.substring(0, first);
    String hexId = v.substring(first + 1, second);
    byte[] typed;
    try {
      typed = Base64.getDecoder().decode(v.substring(second + 1));
    } catch (IllegalArgumentException e) {
      throw new ProofException("the verifier key's key is not base64");
    }
    if (typed.length != 33 || typed[0] != ED25519) {
      throw new ProofException("the verifier key is not an Ed25519 key (type 0x01 and 32 bytes)");
    }
    if (!hexId.matches("[0-9a-f]{8}")) {
      throw new ProofException("the verifier key's id must be 8 lower-case hex digits");
    }
    byte[] raw = Arrays.copyOfRange(typed, 1, 33);
    int id = Integer.parseUnsignedInt(hexId, 16);
    if (id != keyId(name, raw)) {
      throw new ProofException("the verifier key's id does not match its name and key");
    }
    return new VerifierKey(name, id, raw);
  }

  /** The JDK public key of raw Ed25519 bytes. */
  public static PublicKey publicKey(byte[] raw) {
    byte[] spki = new byte[SPKI_PREFIX.length + 32];
    System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
    System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  /** The raw 32 bytes of a JDK Ed25519 public key. */
  public static byte[] raw(PublicKey key) {
    byte[] spki = key.getEncoded();
    if (spki.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key");
    }
    return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
  }
}
