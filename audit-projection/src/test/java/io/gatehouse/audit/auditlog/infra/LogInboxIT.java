package io.gatehouse.audit.auditlog.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.AuditIntegration;
import io.gatehouse.platform.kafka.ConsumedEvent;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The log as the consumer's inbox: its look-up of already logged ids must stay an index look-up as
 * the log grows, on a connection that first ran it while the log was nearly empty (a pooled
 * connection lives for the whole run). Runs against the service's real database.
 */
class LogInboxIT extends AuditIntegration {

  @Autowired
  DataSource dataSource;
  @Autowired
  KafkaProperties kafka;

  private static ConsumedEvent event(String id) {
    return new ConsumedEvent(id, "io.gatehouse.registry.ModelRegistered.v1", "/gatehouse/registry", null,
        Instant.now(), null, null, null, null, new byte[] {'{', '}'}, "gatehouse.registry.v1", 0, 0);
  }

  private static List<ConsumedEvent> fresh(int n) {
    return IntStream.range(0, n).mapToObj(i -> event(UUID.randomUUID().toString())).toList();
  }

  @Test
  void the_look_up_reads_the_index_not_the_whole_log_after_the_log_grew_under_the_same_connection()
      throws Exception {
    try (Connection c = dataSource.getConnection()) {
      JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(c, true));
      LogInbox inbox = new LogInbox(one, kafka);
      // more runs than the driver and the server need to settle on a cached plan for the statement
      for (int i = 0; i < 12; i++) {
        assertThat(inbox.firstDeliveries(fresh(30))).hasSize(30);
      }
      c.setAutoCommit(false); // the grown log is rolled back at the end
      one.update("""
          INSERT INTO audit_entry (event_id, event_type, source, event_time, topic, partition_no, offset_no,
              leaf_index, entry, leaf_hash)
          SELECT 'bulk-' || i, 't', 's', now(), 'gatehouse.registry.v1', 0, i, 1000000 + i, '\\x00'::bytea,
              '\\x00'::bytea
          FROM generate_series(1, 30000) AS i""");
      long seqBefore = one.queryForObject(
          "SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'audit_entry'", Long.class);
      try {
        List<ConsumedEvent> batch = new java.util.ArrayList<>(fresh(28));
        batch.add(event("bulk-17"));
        batch.add(event("bulk-29999"));
        assertThat(inbox.firstDeliveries(batch)).hasSize(28)
            .noneMatch(e -> e.id().startsWith("bulk-"));
        // this backend's table statistics not yet reported (they include the insert and the look-ups
        // above): the look-up must add an index scan and no sequential scan
        assertThat(one.queryForObject(
            "SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'audit_entry'", Long.class))
            .isEqualTo(seqBefore);
        assertThat(one.queryForObject(
            "SELECT idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'audit_entry'", Long.class))
            .isPositive();
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }
}
