package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.audit.auditlog.domain.LogTail;
import io.gatehouse.audit.auditlog.domain.TileKey;
import io.gatehouse.audit.auditlog.domain.Tiles;
import io.gatehouse.audit.verifier.Checkpoint;
import io.gatehouse.audit.verifier.MerkleHashes;
import io.gatehouse.audit.verifier.ProofException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-hashes the stored log from its entries and reports the first one whose stored bytes no longer
 * match: each entry's leaf is hashed again and compared with the leaf hash in the tree (level-0
 * tiles) and in its row, and the tree rebuilt from those hashes must have the root of every signed
 * checkpoint (whose signature is checked too). Entries must be dense: a missing index is reported.
 */
@Component
public class IntegrityCheck {

  private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);
  private static final int PAGE = 4096;

  /** What a run found; {@code firstBadIndex} is null when the log is intact. */
  public record Report(Instant startedAt, Instant finishedAt, long treeSize, long entriesChecked, boolean ok,
      Long firstBadIndex, String detail) {}

  private final JdbcTemplate jdbc;
  private final CheckpointSigner signer;
  private final Clock clock = Clock.systemUTC();

  public IntegrityCheck(JdbcTemplate jdbc, CheckpointSigner signer) {
    this.jdbc = jdbc;
    this.signer = signer;
  }

  /** Runs the check over the whole log and stores its report. */
  public Report run() {
    Instant started = clock.instant();
    long size = jdbc.queryForObject("SELECT tree_size FROM merkle_head WHERE id = 1", Long.class);
    List<Object[]> rows = jdbc.query("SELECT tree_size, root_hash, note FROM checkpoint WHERE tree_size > 0"
        + " AND tree_size <= ? ORDER BY tree_size", (rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2),
            rs.getString(3)}, size);
    Report bad = null;
    for (Object[] r : rows) {
      try {
        Checkpoint cp = Checkpoint.verify((String) r[2], signer.verifierKey());
        if (cp.treeSize() != (Long) r[0] || !MessageDigest.isEqual(cp.rootHash(), (byte[]) r[1])) {
          bad = report(started, size, 0, null, "checkpoint row of size " + r[0] + " differs from its signed note");
          break;
        }
      } catch (ProofException e) {
        bad = report(started, size, 0, null, "checkpoint of size " + r[0] + " does not verify: " + e.getMessage());
        break;
      }
    }
    Report result = bad != null ? bad : scan(started, size, rows);
    store(result);
    if (!result.ok()) {
      log.error("Audit log integrity check failed: {}", result.detail());
    }
    return result;
  }

  private Report scan(Instant started, long size, List<Object[]> checkpoints) {
    LogTail rebuilt = LogTail.empty();
    int next = 0;
    long checked = 0;
    byte[] tile = new byte[0];
    long tileIndex = -1;
    while (checked < size) {
      long from = checked;
      List<Object[]> page = jdbc.query("SELECT leaf_index, event_id, entry, leaf_hash FROM audit_entry"
          + " WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index", (rs, i) -> new Object[] {
              rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)}, from, Math.min(size, from + PAGE));
      if (page.isEmpty()) {
        return report(started, size, checked, checked, "entry " + checked + " is missing from the log");
      }
      for (Object[] row : page) {
        long index = (Long) row[0];
        if (index != checked) {
          return report(started, size, checked, checked, "entry " + checked + " is missing from the log");
        }
        if (index >>> Tiles.HEIGHT != tileIndex) {
          tileIndex = index >>> Tiles.HEIGHT;
          TileKey key = new TileKey(0, tileIndex);
          tile = TileRows.read(jdbc, List.of(key)).getOrDefault(key, new byte[0]);
        }
        byte[] hash = MerkleHashes.leafHash((byte[]) row[2]);
        int pos = (int) (index & (Tiles.WIDTH - 1));
        if (Tiles.count(tile) <= pos || !MessageDigest.isEqual(hash, Tiles.hashAt(tile, pos))) {
          return report(started, size, checked, index, "entry " + index + " (CloudEvent " + row[1]
              + "): its stored bytes no longer hash to the leaf hash in the tree");
        }
        if (!MessageDigest.isEqual(hash, (byte[]) row[3])) {
          return report(started, size, checked, index, "entry " + index + " (CloudEvent " + row[1]
              + "): its leaf_hash column was altered");
        }
        rebuilt.append(hash);
        checked++;
        while (next < checkpoints.size() && (Long) checkpoints.get(next)[0] == rebuilt.size()) {
          if (!MessageDigest.isEqual(rebuilt.root(), (byte[]) checkpoints.get(next)[1])) {
            long previous = next == 0 ? 0 : (Long) checkpoints.get(next - 1)[0];
            return report(started, size, checked, previous, "the tree rebuilt from the entries does not have the"
                + " signed root of checkpoint " + rebuilt.size() + ": stored tree hashes were altered between entries "
                + previous + " and " + (rebuilt.size() - 1));
          }
          next++;
        }
      }
    }
    byte[] headRoot = jdbc.queryForObject("SELECT root_hash FROM merkle_head WHERE id = 1", byte[].class);
    if (!MessageDigest.isEqual(rebuilt.root(), headRoot)) {
      return report(started, size, checked, null, "the head's root " + Base64.getEncoder().encodeToString(headRoot)
          + " is not the root of the stored entries");
    }
    return new Report(started, clock.instant(), size, checked, true, null,
        "all " + checked + " entries hash to the stored tree; " + checkpoints.size() + " signed checkpoints match");
  }

  private Report report(Instant started, long size, long checked, Long index, String detail) {
    return new Report(started, clock.instant(), size, checked, false, index, detail);
  }

  private void store(Report r) {
    jdbc.update("""
        INSERT INTO integrity_check (started_at, finished_at, tree_size, entries_checked, ok, first_bad_index, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(r.startedAt()), Timestamp.from(r.finishedAt()), r.treeSize(),
        r.entriesChecked(), r.ok(), r.firstBadIndex(), r.detail());
  }

  /** The report of the last run, if any. */
  public Optional<Report> latest() {
    return jdbc.query("""
        SELECT started_at, finished_at, tree_size, entries_checked, ok, first_bad_index, detail
        FROM integrity_check ORDER BY id DESC LIMIT 1""", (rs, i) -> new Report(rs.getTimestamp(1).toInstant(),
        rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getLong(4), rs.getBoolean(5),
        (Long) rs.getObject(6), rs.getString(7))).stream().findFirst();
  }
}
