package io.gatehouse.audit.auditlog.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.auditlog.domain.LeafCodec;
import io.gatehouse.audit.auditlog.domain.LogTail;
import io.gatehouse.audit.auditlog.domain.LoggedEvent;
import io.gatehouse.audit.auditlog.domain.MerkleTree;
import io.gatehouse.audit.verifier.MerkleHashes;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Entries recorded before the tree existed become its first leaves, in the order they were recorded. */
class MerkleLogMigrationIT {

  @RegisterExtension static PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  @Test
  void entriesOfTheOldTableBecomeTheFirstLeavesInTheirOrder() {
    DriverManagerDataSource ds = new DriverManagerDataSource(db.jdbcUrl(), db.username(), "");
    Flyway.configure().dataSource(ds).locations("classpath:db/platform", "classpath:db/migration").target("10")
        .load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    LogTail expected = LogTail.empty();
    for (int i = 0; i < 300; i++) {
      String data = "{\"modelName\":\"m\",\"version\":" + i + "}";
      Instant at = Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i);
      jdbc.update("""
          INSERT INTO audit_entry (event_id, event_type, source, subject, model_name, event_time, actor, topic,
                                   partition_no, offset_no, data) VALUES (?, 't', '/s', ?, 'm', ?, 'alice', 'x', 0, ?, ?)""",
          "e-" + i, "models/m/versions/" + i, Timestamp.from(at), i, data.getBytes(StandardCharsets.UTF_8));
      expected.append(MerkleHashes.leafHash(LeafCodec.canonical(new LoggedEvent("e-" + i, "t", "/s",
          "models/m/versions/" + i, at, "alice", data.getBytes(StandardCharsets.UTF_8)))));
    }
    Flyway.configure().dataSource(ds).locations("classpath:db/platform", "classpath:db/migration").load().migrate();

    assertThat(jdbc.queryForObject("SELECT tree_size FROM merkle_head", Long.class)).isEqualTo(300);
    assertThat(jdbc.queryForObject("SELECT root_hash FROM merkle_head", byte[].class)).isEqualTo(expected.root());
    assertThat(jdbc.queryForObject("SELECT event_id FROM audit_entry WHERE leaf_index = 299", String.class))
        .isEqualTo("e-299");
    AuditLogProofs proofs = new AuditLogProofs(jdbc, null);
    assertThat(new MerkleTree(proofs.tiles()).root(300)).isEqualTo(expected.root());
  }
}
