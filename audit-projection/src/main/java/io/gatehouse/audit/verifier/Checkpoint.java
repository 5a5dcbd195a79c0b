package io.gatehouse.audit.verifier;

import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-checkpoint body: the log's origin, the tree size in decimal, the root hash in base64,
 * and optional extension lines.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {

  /** The note text of this checkpoint, each line ending in a newline. */
  public String text() {
    StringBuilder b = new StringBuilder()
        .append(origin).append('\n')
        .append(treeSize).append('\n')
        .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
    extensions.forEach(e -> b.append(e).append('\n'));
    return b.toString();
  }

  /** Parses the text of a checkpoint (already verified as a signed note). */
  public static Checkpoint parse(String text) throws ProofException {
    String[] lines = text.split("\n", -1);
    if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
      throw new ProofException("a checkpoint has an origin, a tree size and a root hash, each on its own line");
    }
    String origin = lines[0];
    if (origin.isEmpty()) {
      throw new ProofException("checkpoint origin is empty");
    }
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw new ProofException("checkpoint tree size is not a decimal number: " + lines[1]);
    }
    long size = Long.parseLong(lines[1]);
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new ProofException("checkpoint root hash is not base64");
    }
    if (root.length != MerkleHashes.SIZE) {
      throw new ProofException("checkpoint root hash is not 32 bytes");
    }
    List<String> ext = List.of(lines).subList(3, lines.length - 1);
    for (String e : ext) {
      if (e.isEmpty()) {
        throw new ProofException("checkpoint has an empty extension line");
      }
    }
    return new Checkpoint(origin, size, root, List.copyOf(ext));
  }

  /**
   * Verifies the signed note with {@code key} and parses its checkpoint; the origin must be the
   * key's name, as Gatehouse signs it.
   */
  public static Checkpoint verify(String signedNote, NoteKeys.VerifierKey key) throws ProofException {
    Checkpoint c = parse(SignedNote.verify(signedNote, key));
    if (!c.origin().equals(key.name())) {
      throw new ProofException("checkpoint origin " + c.origin() + " is not the key's name " + key.name());
    }
    return c;
  }
}
