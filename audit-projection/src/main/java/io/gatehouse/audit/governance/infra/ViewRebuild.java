package io.gatehouse.audit.governance.infra;

import io.gatehouse.audit.governance.domain.LoggedFact;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the governance views and rebuilds them by replaying the audit log from its first leaf, in one
 * transaction that holds the log's head lock (appends wait; readers see the old views until commit).
 */
@Component
public class ViewRebuild {

  private static final int PAGE = 2000;

  private final JdbcTemplate jdbc;
  private final GovernanceViews views;
  private final TransactionTemplate transactions;

  public ViewRebuild(JdbcTemplate jdbc, GovernanceViews views, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.views = views;
    this.transactions = transactions;
  }

  /** Rebuilds every view; answers the number of log entries replayed. */
  public long rebuild() {
    return transactions.execute(status -> {
      long size = jdbc.queryForObject("SELECT tree_size FROM merkle_head WHERE id = 1 FOR UPDATE", Long.class);
      jdbc.execute("TRUNCATE " + String.join(", ", GovernanceViews.TABLES));
      views.forget();
      for (long from = 0; from < size; from += PAGE) {
        List<LoggedFact> facts = new ArrayList<>(PAGE);
        jdbc.query("SELECT leaf_index, entry FROM audit_entry WHERE leaf_index >= ? AND leaf_index < ?"
            + " ORDER BY leaf_index", rs -> {
              facts.add(Facts.fromLeaf(rs.getLong(1), rs.getBytes(2)));
            }, from, Math.min(size, from + PAGE));
        views.apply(facts);
      }
      return size;
    });
  }
}
