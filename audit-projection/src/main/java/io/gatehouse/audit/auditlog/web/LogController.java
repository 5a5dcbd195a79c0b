package io.gatehouse.audit.auditlog.web;

import io.gatehouse.audit.auditlog.infra.AuditLogProofs;
import io.gatehouse.audit.auditlog.infra.AuditLogQueries;
import io.gatehouse.audit.auditlog.infra.CheckpointSigner;
import io.gatehouse.audit.auditlog.infra.IntegrityCheck;
import io.gatehouse.audit.auditlog.infra.LogRefused;
import io.gatehouse.platform.rules.RuleViolation.Kind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Base64;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Merkle log: signed checkpoints, the verifier key, inclusion and consistency proofs, entries by
 * index range, and the integrity check. Hashes are standard base64.
 */
@RestController
@RequestMapping("/api/v1/log")
@Validated
public class LogController {

  /** Most entries one call returns. */
  public static final int MAX_RANGE = 1000;

  private final AuditLogProofs proofs;
  private final AuditLogQueries queries;
  private final CheckpointSigner signer;
  private final IntegrityCheck integrity;

  public LogController(AuditLogProofs proofs, AuditLogQueries queries, CheckpointSigner signer,
      IntegrityCheck integrity) {
    this.proofs = proofs;
    this.queries = queries;
    this.signer = signer;
    this.integrity = integrity;
  }

  public record InclusionView(long leafIndex, String eventId, long treeSize, String leafHash, String rootHash,
      List<String> proof) {}

  public record ConsistencyView(long firstSize, long secondSize, String firstRootHash, String secondRootHash,
      List<String> proof) {}

  public record EntriesView(long treeSize, List<LogEntryView> entries) {}

  /** The latest signed checkpoint, as a C2SP signed note. */
  @GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
  public ResponseEntity<String> checkpoint() {
    return proofs.latestCheckpoint()
        .map(c -> ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
            .body(c.note()))
        .orElseThrow(() -> new LogRefused("no-checkpoint", Kind.NOT_FOUND, "No checkpoint has been signed yet."));
  }

  /** The signed checkpoint of one tree size, if one was signed at that size. */
  @GetMapping(value = "/checkpoints", produces = MediaType.TEXT_PLAIN_VALUE)
  public ResponseEntity<String> checkpointOfSize(@RequestParam @Min(0) long treeSize) {
    return proofs.checkpoint(treeSize)
        .map(c -> ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
            .body(c.note()))
        .orElseThrow(() -> new LogRefused("no-checkpoint", Kind.NOT_FOUND, "No checkpoint was signed at tree size "
            + treeSize + "."));
  }

  /** The verifier key of the checkpoints: {@code origin+keyid+base64(0x01||Ed25519 key)}. */
  @GetMapping(value = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
  public String publicKey() {
    return signer.verifierKey().encode() + "\n";
  }

  /**
   * The inclusion proof of one entry, by leaf index or CloudEvent id, in the tree of {@code treeSize}
   * entries (default: the latest checkpoint's).
   */
  @GetMapping("/proofs/inclusion")
  public InclusionView inclusion(@RequestParam(required = false) @Min(0) Long index,
      @RequestParam(required = false) @Size(min = 1, max = 255) String id,
      @RequestParam(required = false) @Min(1) Long treeSize) {
    if ((index == null) == (id == null)) {
      throw new LogRefused("index-or-id", Kind.INVALID, "Name the entry by exactly one of index and id.");
    }
    long leaf = index != null ? index : proofs.indexOf(id);
    AuditLogProofs.Inclusion p = proofs.inclusion(leaf, treeSize);
    return new InclusionView(p.leafIndex(), p.eventId(), p.treeSize(), b64(p.leafHash()), b64(p.rootHash()),
        p.proof().stream().map(LogController::b64).toList());
  }

  /** The consistency proof between the trees of {@code from} and {@code to} entries. */
  @GetMapping("/proofs/consistency")
  public ConsistencyView consistency(@RequestParam @Min(1) long from, @RequestParam @Min(1) long to) {
    AuditLogProofs.Consistency p = proofs.consistency(from, to);
    return new ConsistencyView(p.firstSize(), p.secondSize(), b64(p.firstRootHash()), b64(p.secondRootHash()),
        p.proof().stream().map(LogController::b64).toList());
  }

  /** Entries {@code start} to {@code end - 1} (at most 1000), each with its leaf and leaf hash. */
  @GetMapping("/entries")
  public EntriesView entries(@RequestParam @Min(0) long start, @RequestParam @Min(1) long end) {
    if (end <= start) {
      throw new LogRefused("empty-range", Kind.INVALID, "end must be greater than start.");
    }
    if (end - start > MAX_RANGE) {
      throw new LogRefused("range-too-large", Kind.INVALID, "At most " + MAX_RANGE + " entries per call; asked for "
          + (end - start) + ".");
    }
    return new EntriesView(proofs.treeSize(), queries.range(start, end).stream().map(LogEntryView::of).toList());
  }

  /** Runs the integrity check now and answers its report. */
  @PostMapping("/integrity-checks")
  public IntegrityCheck.Report runIntegrityCheck() {
    return integrity.run();
  }

  /** The report of the last integrity check. */
  @GetMapping("/integrity-checks/latest")
  public IntegrityCheck.Report latestIntegrityCheck() {
    return integrity.latest().orElseThrow(() -> new LogRefused("no-integrity-check", Kind.NOT_FOUND,
        "The integrity check has not run yet."));
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
