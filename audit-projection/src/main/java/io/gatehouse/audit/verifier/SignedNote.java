package io.gatehouse.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: text (non-empty lines, each ending in a newline), a blank line, then signature
 * lines {@code — <key name> <base64(4-byte key id || signature)>}. The signature covers the text
 * including its final newline.
 */
public final class SignedNote {

  private static final String DASH = "\u2014 ";
  /** Notes are small; anything bigger is refused before parsing. */
  public static final int MAX_BYTES = 64 * 1024;

  /** One signature line. */
  public record NoteSignature(String keyName, int keyId, byte[] signature) {}

  private final String text;
  private final List<NoteSignature> signatures;

  private SignedNote(String text, List<NoteSignature> signatures) {
    this.text = text;
    this.signatures = List.copyOf(signatures);
  }

  /** The signed text, ending in a newline. */
  public String text() {
    return text;
  }

  public List<NoteSignature> signatures() {
    return signatures;
  }

  /** Signs {@code text} with an Ed25519 key of {@code keyName} and {@code keyId}. */
  public static String sign(String text, String keyName, int keyId, PrivateKey key) {
    if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
      throw new IllegalArgumentException("note text must be non-empty lines, each ending in a newline");
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(text.getBytes(StandardCharsets.UTF_8));
      byte[] sig = s.sign();
      byte[] blob = new byte[4 + sig.length];
      blob[0] = (byte) (keyId >>> 24);
      blob[1] = (byte) (keyId >>> 16);
      blob[2] = (byte) (keyId >>> 8);
      blob[3] = (byte) keyId;
      System.arraycopy(sig, 0, blob, 4, sig.length);
      return text + "\n" + DASH + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the note", e);
    }
  }

  /** Splits a note into its text and signature lines; does not verify anything yet. */
  public static SignedNote parse(String note) throws ProofException {
    if (note == null || note.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new ProofException("note is missing or larger than " + MAX_BYTES + " bytes");
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) {
      throw new ProofException("a signed note is text, a blank line and signature lines, each ending in a newline");
    }
    String text = note.substring(0, split + 1);
    List<NoteSignature> sigs = new ArrayList<>();
    for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
      if (!line.startsWith(DASH)) {
        throw new ProofException("signature line does not start with an em dash and a space: " + line);
      }
      String[] parts = line.substring(DASH.length()).split(" ");
      if (parts.length != 2 || parts[0].isEmpty()) {
        throw new ProofException("signature line is not '— <name> <signature>': " + line);
      }
      byte[] blob;
      try {
        blob = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new ProofException("signature is not base64: " + line);
      }
      if (blob.length < 5) {
        throw new ProofException("signature is too short: " + line);
      }
      int id = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
      sigs.add(new NoteSignature(parts[0], id, Arrays.copyOfRange(blob, 4, blob.length)));
    }
    if (sigs.isEmpty() || sigs.size() > 100) {
      throw new ProofException("a signed note carries 1 to 100 signatures");
    }
    return new SignedNote(text, sigs);
  }

  /**
   * Parses and verifies {@code note} with {@code key}: the signature line of the key's name and id
   * must verify over the text. Lines of other keys are ignored, as the specification says.
   */
  public static String verify(String note, NoteKeys.VerifierKey key) throws ProofException {
    SignedNote parsed = parse(note);
    for (NoteSignature sig : parsed.signatures) {
      if (sig.keyName().equals(key.name()) && sig.keyId() == key.keyId()) {
        try {
          Signature s = Signature.getInstance("Ed25519");
          s.initVerify(key.publicKey());
          s.update(parsed.text.getBytes(StandardCharsets.UTF_8));
          if (sig.signature().length == 64 && s.verify(sig.signature())) {
            return parsed.text;
          }
        } catch (GeneralSecurityException e) {
          throw new ProofException("signature could not be checked: " + e.getMessage(), e);
        }
        throw new ProofException("the signature of " + key.name() + " does not verify: the note was altered"
            + " or signed by another key");
      }
    }
    throw new ProofException("the note has no signature of key " + key.name() + " (id "
        + String.format("%08x", key.keyId()) + ")");
  }
}
