package io.gatehouse.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The signing key, kept in a JWK set file so that tokens (and the {@code kid} the services cache)
 * survive restarts: loaded when the file exists, otherwise an RSA 2048 key for RS256 is generated and
 * written with owner-only permissions (0600, in a 0700 directory when we create it).
 */
public final class SigningKeys {

  private static final Log log = LogFactory.getLog(SigningKeys.class);
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

  private SigningKeys() {}

  /** The key set of {@code file}, created first when missing. */
  public static JWKSet loadOrCreate(Path file) {
    Path path = file.toAbsolutePath().normalize();
    if (Files.exists(path)) {
      return load(path);
    }
    RSAKey key = generate();
    JWKSet created = new JWKSet(key);
    try {
      Path dir = path.getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIR)}
            : new FileAttribute<?>[0]);
      }
      Path tmp = posix(dir)
          ? Files.createTempFile(dir, ".signing-key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
          : Files.createTempFile(dir, ".signing-key-", ".tmp");
      try {
        if (!posix(dir)) {
          restrictToOwner(tmp);
        }
        Files.writeString(tmp, created.toString(false) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, path); // fails rather than replace a key another process wrote meanwhile
      } catch (FileAlreadyExistsException raced) {
        return load(path);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the signing key to " + path + " (gatehouse.idp.key-file): "
          + e.getMessage(), e);
    }
    log.info("Generated a new RS256 signing key (kid " + key.getKeyID() + ") in " + path);
    return created;
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyID(UUID.randomUUID().toString())
          .issueTime(new Date())
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA key: " + e.getMessage(), e);
    }
  }

  private static JWKSet load(Path path) {
    JWKSet set;
    try {
      set = JWKSet.parse(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("The signing key file " + path + " (gatehouse.idp.key-file) is not a readable"
          + " JWK set: " + e.getMessage() + ". Delete it to generate a new key (tokens issued so far become invalid).",
          e);
    }
    if (set.getKeys().isEmpty()) {
      throw new IllegalStateException("The signing key file " + path + " holds no key; delete it to generate one.");
    }
    for (JWK key : set.getKeys()) {
      if (!(key instanceof RSAKey rsa) || !rsa.isPrivate() || key.getKeyID() == null
          || (key.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(key.getAlgorithm()))) {
        throw new IllegalStateException("The signing key file " + path + " must hold RSA private keys for RS256"
            + " with a kid; delete it to generate one.");
      }
    }
    warnIfReadableByOthers(path);
    log.info("Loaded the signing key (kid " + set.getKeys().get(0).getKeyID() + ") from " + path);
    return set;
  }

  private static boolean posix(Path dir) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null && Files.getFileAttributeView(existing,
        java.nio.file.attribute.PosixFileAttributeView.class) != null;
  }

  private static void restrictToOwner(Path file) {
    var f = file.toFile();
    f.setReadable(false, false);
    f.setWritable(false, false);
    f.setExecutable(false, false);
    f.setReadable(true, true);
    f.setWritable(true, true);
  }

  private static void warnIfReadableByOthers(Path path) {
    try {
      if (posix(path) && !OWNER_FILE.containsAll(Files.getPosixFilePermissions(path))) {
        log.warn("The signing key file " + path + " is readable by others: chmod 600 it.");
      }
    } catch (IOException | UnsupportedOperationException e) {
      // not worth failing for
    }
  }
}
