package io.gatehouse.audit.auditlog.infra;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timed work on the log: a checkpoint every {@code gatehouse.audit.checkpoint.interval} when the log
 * grew since the last one (and one of the empty log at first start), and the integrity check every
 * {@code gatehouse.audit.integrity.interval}.
 */
@Component
public class AuditLogJobs {

  private final AuditLogStore store;
  private final IntegrityCheck integrity;
  private final TransactionTemplate transactions;

  public AuditLogJobs(AuditLogStore store, IntegrityCheck integrity, TransactionTemplate transactions) {
    this.store = store;
    this.integrity = integrity;
    this.transactions = transactions;
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${gatehouse.audit.checkpoint.interval:PT10S}")
  public void checkpoint() {
    transactions.executeWithoutResult(s -> store.checkpointNow());
  }

  @Scheduled(initialDelayString = "${gatehouse.audit.integrity.interval:PT1H}",
      fixedDelayString = "${gatehouse.audit.integrity.interval:PT1H}")
  public void integrity() {
    integrity.run();
  }
}
