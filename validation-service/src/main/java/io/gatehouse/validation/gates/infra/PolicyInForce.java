package io.gatehouse.validation.gates.infra;

import io.gatehouse.contracts.approval.PolicyPublished;
import io.gatehouse.validation.ValidationProperties;
import io.gatehouse.validation.gates.domain.PolicyGates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The policy gates are read from: the latest version of {@code gatehouse.validation.policy} consumed
 * from {@code PolicyPublished}, or before any was consumed the document approval-service ships and
 * publishes as version 1 on its first start ({@code policies/default.yaml}, the same bytes: a test
 * compares the two files). Each document is parsed once.
 */
@Component
public class PolicyInForce {

  private final JdbcTemplate jdbc;
  private final String policy;
  private final Map<String, PolicyGates> parsed = new ConcurrentHashMap<>();

  public PolicyInForce(JdbcTemplate jdbc, ValidationProperties properties) {
    this.jdbc = jdbc;
    this.policy = properties.getPolicy();
  }

  /** Records a published version (in the consumer's transaction); a repeat changes nothing. */
  public void record(PolicyPublished e) {
    jdbc.update("""
        INSERT INTO policy_version (policy_name, policy_version, document, document_sha256, published_at)
        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", e.policyName(), e.policyVersion(), e.document(),
        e.documentSha256(), Timestamp.from(e.publishedAt()));
  }

  public PolicyGates current() {
    List<String[]> latest = jdbc.query("""
        SELECT document_sha256, document FROM policy_version WHERE policy_name = ?
        ORDER BY policy_version DESC LIMIT 1""", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, policy);
    if (latest.isEmpty()) {
      return parsed.computeIfAbsent("shipped", k -> PolicyGates.parse(shippedDocument()));
    }
    return parsed.computeIfAbsent(latest.get(0)[0], k -> PolicyGates.parse(latest.get(0)[1]));
  }

  /** A version recorded before (or the shipped document, if that is the one asked for). */
  public PolicyGates version(String name, int version) {
    List<String[]> rows = jdbc.query(
        "SELECT document_sha256, document FROM policy_version WHERE policy_name = ? AND policy_version = ?",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, name, version);
    if (!rows.isEmpty()) {
      return parsed.computeIfAbsent(rows.get(0)[0], k -> PolicyGates.parse(rows.get(0)[1]));
    }
    PolicyGates shipped = parsed.computeIfAbsent("shipped", k -> PolicyGates.parse(shippedDocument()));
    if (shipped.name().equals(name) && shipped.version() == version) {
      return shipped;
    }
    throw new IllegalStateException("policy " + name + " version " + version + " is not known here");
  }

  static String shippedDocument() {
    try (InputStream in = new ClassPathResource("policies/default.yaml").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
