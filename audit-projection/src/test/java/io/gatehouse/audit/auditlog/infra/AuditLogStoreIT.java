package io.gatehouse.audit.auditlog.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.AuditIntegration;
import io.gatehouse.audit.auditlog.domain.LoggedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When an append may trust what this instance keeps in memory about the log (its tail, the folded
 * governance states): exactly when the head it finds under the lock is the one its own last append
 * wrote and committed. Runs against the service's real database; no events are sent to its consumer.
 */
class AuditLogStoreIT extends AuditIntegration {

  @Autowired
  AuditLogStore store;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  CheckpointSigner signer;
  @Autowired
  AuditLogProperties props;

  private static IncomingEntry entry() {
    String id = UUID.randomUUID().toString();
    LoggedEvent e = new LoggedEvent(id, "io.gatehouse.registry.ModelRegistered.v1", "urn:test", "m", Instant.now(),
        "alice", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    return IncomingEntry.of(e, "store-it", null, null, "gatehouse.registry.v1", 0, 0);
  }

  private AuditLogStore.Result append(AuditLogStore to) {
    return transactions.execute(s -> to.append(List.of(entry())));
  }

  @Test
  void an_append_after_this_instances_own_committed_append_continues_its_tail() {
    append(store);
    assertThat(append(store).continuesOwnTail()).isTrue();
  }

  @Test
  void the_next_append_continues_the_tail_even_when_it_takes_the_lock_before_the_last_commit_was_recorded() {
    append(store);
    AtomicReference<AuditLogStore.Result> next = new AtomicReference<>();
    transactions.executeWithoutResult(s -> {
      // runs after the commit, before the store's own after-commit callback (registered later):
      // another consumer thread that was waiting for the head's lock gets it in that moment
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          next.set(CompletableFuture.supplyAsync(() -> append(store)).join());
        }
      });
      store.append(List.of(entry()));
    });
    assertThat(next.get().continuesOwnTail()).isTrue();
    assertThat(append(store).continuesOwnTail()).isTrue();
  }

  @Test
  void an_append_after_a_rolled_back_one_does_not_trust_memory() {
    append(store);
    transactions.executeWithoutResult(s -> {
      store.append(List.of(entry()));
      s.setRollbackOnly();
    });
    assertThat(append(store).continuesOwnTail()).isFalse();
    assertThat(append(store).continuesOwnTail()).isTrue();
  }

  @Test
  void an_append_after_another_writer_appended_does_not_trust_memory() {
    append(store);
    AuditLogStore other = new AuditLogStore(jdbc, signer, props);
    append(other);
    assertThat(append(store).continuesOwnTail()).isFalse();
    long size = jdbc.queryForObject("SELECT tree_size FROM merkle_head WHERE id = 1", Long.class);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class)).isEqualTo(size);
  }
}
