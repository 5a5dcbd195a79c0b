package io.gatehouse.audit.auditlog.infra;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the audit log under {@code gatehouse.audit.*}. */
@ConfigurationProperties("gatehouse.audit")
public class AuditLogProperties {

  /** The log's origin: first line of every checkpoint and the name of its signing key. No spaces, no '+'. */
  private String origin = "gatehouse.local/audit";
  /**
   * The Ed25519 checkpoint signing key (PEM: PKCS#8 private key and its public key). Created with
   * owner-only permissions when missing.
   */
  private Path keyFile = Path.of(".gatehouse/audit/checkpoint-key.pem");
  private final Checkpoint checkpoint = new Checkpoint();
  private final Integrity integrity = new Integrity();

  public String getOrigin() {
    return origin;
  }

  public void setOrigin(String origin) {
    this.origin = origin;
  }

  public Path getKeyFile() {
    return keyFile;
  }

  public void setKeyFile(Path keyFile) {
    this.keyFile = keyFile;
  }

  public Checkpoint getCheckpoint() {
    return checkpoint;
  }

  public Integrity getIntegrity() {
    return integrity;
  }

  /** When checkpoints are signed: after this many entries, or this long after the last one when the log grew. */
  public static class Checkpoint {
    private long everyEntries = 1000;
    private Duration interval = Duration.ofSeconds(10);

    public long getEveryEntries() {
      return everyEntries;
    }

    public void setEveryEntries(long everyEntries) {
      this.everyEntries = everyEntries;
    }

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }
  }

  /** The scheduled re-hash of the whole stored log. */
  public static class Integrity {
    private Duration interval = Duration.ofHours(1);

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }
  }
}
