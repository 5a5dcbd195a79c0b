package db.migration;

import io.gatehouse.audit.auditlog.domain.LeafCodec;
import io.gatehouse.audit.auditlog.domain.LogTail;
import io.gatehouse.audit.auditlog.domain.LoggedEvent;
import io.gatehouse.audit.auditlog.infra.TileRows;
import io.gatehouse.audit.verifier.MerkleHashes;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Makes the entries recorded before the Merkle tree existed its first leaves, in the order they were
 * recorded (their {@code seq}), exactly as a fresh append would.
 */
public class V12__log_existing_entries extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
    LogTail tail = LogTail.empty();
    List<Object[]> updates = new ArrayList<>();
    jdbc.query("""
        SELECT seq, event_id, event_type, source, subject, event_time, actor, data
        FROM audit_entry WHERE leaf_index IS NULL ORDER BY seq""", rs -> {
      LoggedEvent e = new LoggedEvent(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
          rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getBytes(8));
      byte[] leaf = LeafCodec.canonical(e);
      byte[] hash = MerkleHashes.leafHash(leaf);
      long index = tail.append(hash);
      updates.add(new Object[] {index, leaf, hash, rs.getLong(1)});
    });
    if (updates.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("UPDATE audit_entry SET leaf_index = ?, entry = ?, leaf_hash = ? WHERE seq = ?", updates);
    TileRows.write(jdbc, tail.drainChanged());
    jdbc.update("UPDATE merkle_head SET tree_size = ?, root_hash = ?, updated_at = now() WHERE id = 1",
        tail.size(), tail.root());
  }
}
