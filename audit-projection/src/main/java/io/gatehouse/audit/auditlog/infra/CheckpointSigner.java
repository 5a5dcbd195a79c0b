package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.audit.verifier.Checkpoint;
import io.gatehouse.audit.verifier.NoteKeys;
import io.gatehouse.audit.verifier.SignedNote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs checkpoints with the log's Ed25519 key, named after the log's origin. The key lives in a PEM
 * file (a PKCS#8 {@code PRIVATE KEY} and its {@code PUBLIC KEY}); when the file is missing a key is
 * generated and written with owner-only permissions, as the identity provider does with its key.
 */
@Component
public class CheckpointSigner {

  private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);
  private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private final String origin;
  private final PrivateKey privateKey;
  private final NoteKeys.VerifierKey verifierKey;

  public CheckpointSigner(AuditLogProperties props) {
    this.origin = props.getOrigin();
    if (origin == null || origin.isBlank() || origin.contains("+") || origin.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalStateException("gatehouse.audit.origin must be a non-empty name without spaces or '+'");
    }
    KeyPair pair = loadOrCreate(props.getKeyFile().toAbsolutePath().normalize());
    this.privateKey = pair.getPrivate();
    byte[] raw = NoteKeys.raw(pair.getPublic());
    this.verifierKey = new NoteKeys.VerifierKey(origin, NoteKeys.keyId(origin, raw), raw);
  }

  public String origin() {
    return origin;
  }

  /** The verifier key anyone checks checkpoints with: {@code origin+keyid+base64(0x01||key)}. */
  public NoteKeys.VerifierKey verifierKey() {
    return verifierKey;
  }

  /** The signed note of the checkpoint of a tree of {@code size} leaves with {@code root}. */
  public String sign(long size, byte[] root) {
    String text = new Checkpoint(origin, size, root, List.of()).text();
    return SignedNote.sign(text, origin, verifierKey.keyId(), privateKey);
  }

  private static KeyPair loadOrCreate(Path file) {
    if (Files.exists(file)) {
      return load(file);
    }
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
    }
    String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
    try {
      Path dir = file.getParent();
      Files.createDirectories(dir);
      boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
      Path tmp = posix
          ? Files.createTempFile(dir, ".checkpoint-key-", ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
          : Files.createTempFile(dir, ".checkpoint-key-", ".tmp");
      try {
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, file); // fails rather than replace a key another process wrote meanwhile
      } catch (FileAlreadyExistsException raced) {
        return load(file);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the checkpoint key to " + file + " (gatehouse.audit.key-file): "
          + e.getMessage(), e);
    }
    log.info("Generated a new Ed25519 checkpoint signing key in {}", file);
    return pair;
  }

  private static KeyPair load(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      PrivateKey priv = null;
      PublicKey pub = null;
      Matcher m = PEM.matcher(text);
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      while (m.find()) {
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        if (m.group(1).equals("PRIVATE KEY")) {
          priv = kf.generatePrivate(new PKCS8EncodedKeySpec(der));
        } else if (m.group(1).equals("PUBLIC KEY")) {
          pub = kf.generatePublic(new X509EncodedKeySpec(der));
        }
      }
      if (priv == null || pub == null) {
        throw new IllegalStateException("The checkpoint key file " + file + " must hold an Ed25519 PRIVATE KEY and"
            + " its PUBLIC KEY in PEM");
      }
      log.info("Loaded the checkpoint signing key from {}", file);
      return new KeyPair(pub, priv);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("The checkpoint key file " + file + " (gatehouse.audit.key-file) is not"
          + " readable: " + e.getMessage(), e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
