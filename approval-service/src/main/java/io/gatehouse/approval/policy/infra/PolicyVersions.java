package io.gatehouse.approval.policy.infra;

import io.gatehouse.contracts.approval.PolicyPublished;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every published policy version, in {@code policy_version}. Its processor is a subscribing one: the
 * row is written in the transaction that publishes, so the next case opens under the new version.
 */
@Component
@ProcessingGroup(PolicyVersions.PROCESSING_GROUP)
public class PolicyVersions {

  public static final String PROCESSING_GROUP = "policy-versions";

  /** A stored version. */
  public record Stored(String policyName, int policyVersion, String document, String documentSha256,
      String publishedBy, Instant publishedAt) {}

  private final JdbcTemplate jdbc;

  public PolicyVersions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(PolicyPublished e) {
    jdbc.update("""
        INSERT INTO policy_version (policy_name, policy_version, document, document_sha256, published_by, published_at)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", e.policyName(), e.policyVersion(), e.document(),
        e.documentSha256(), e.publishedBy(), Timestamp.from(e.publishedAt()));
  }

  @ResetHandler
  void reset() {
    jdbc.update("DELETE FROM policy_version");
  }

  public Optional<Stored> latest(String policy) {
    return query("WHERE policy_name = ? ORDER BY policy_version DESC LIMIT 1", policy).stream().findFirst();
  }

  public Optional<Stored> version(String policy, int version) {
    return query("WHERE policy_name = ? AND policy_version = ?", policy, version).stream().findFirst();
  }

  private List<Stored> query(String where, Object... args) {
    return jdbc.query("SELECT policy_name, policy_version, document, document_sha256, published_by, published_at "
        + "FROM policy_version " + where, (rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), args);
  }
}
