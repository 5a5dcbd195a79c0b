package io.gatehouse.audit.governance.infra;

import io.gatehouse.audit.governance.domain.LoggedFact;
import io.gatehouse.audit.governance.domain.ModelState;
import io.gatehouse.audit.governance.domain.ModelState.VersionState;
import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.ModelEvent;
import io.gatehouse.contracts.ModelVersionEvent;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.ModelRolledBack;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the governance views in the append's transaction: the models an append touches are read
 * (their folded state), the new facts applied in log order, and the models' rows upserted in every
 * view (a row that did not change is not written again; no fact removes a row). The same code
 * rebuilds the views from the log, so a replay gives the same rows.
 */
@Component
public class GovernanceViews {

  static final List<String> TABLES = List.of("view_model", "view_version", "view_signoff", "view_gate", "view_drift");

  private final JdbcTemplate jdbc;
  /**
   * Folded states as this instance last committed them, so an append need not read and parse them
   * back. Trusted only while no other writer appended in between; emptied when a transaction that
   * changed them rolls back.
   */
  private final Cache<String, ModelState> states = Caffeine.newBuilder().maximumSize(10_000).build();

  public GovernanceViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Forgets every cached state (another writer may have changed the views). */
  public void forget() {
    states.invalidateAll();
  }

  /** Applies facts (in leaf order) to the views, in the caller's transaction, reading every state back. */
  public void apply(List<LoggedFact> facts) {
    apply(facts, false);
  }

  /**
   * Applies facts (in leaf order) to the views, in the caller's transaction; {@code cacheIsCurrent}
   * when no other writer appended since this instance's last commit.
   */
  public void apply(List<LoggedFact> facts, boolean cacheIsCurrent) {
    if (!cacheIsCurrent) {
      states.invalidateAll();
    }
    Map<String, ModelState> touched = new LinkedHashMap<>();
    // the versions whose rows these facts can change, per model; null: every version of the model
    Map<String, Set<Integer>> versions = new HashMap<>();
    for (LoggedFact f : facts) {
      if (f.payload() instanceof ModelEvent m) {
        touched.putIfAbsent(m.modelName(), null);
        boolean oneVersion = f.payload() instanceof ModelVersionEvent
            && !(f.payload() instanceof ModelPromoted) && !(f.payload() instanceof ModelRolledBack);
        if (!oneVersion) {
          versions.put(m.modelName(), null);
        } else if (!versions.containsKey(m.modelName()) || versions.get(m.modelName()) != null) {
          versions.computeIfAbsent(m.modelName(), k -> new HashSet<>())
              .add(((ModelVersionEvent) f.payload()).version());
        }
      }
    }
    long firstLeaf = facts.isEmpty() ? 0 : facts.get(0).leaf();
    if (touched.isEmpty()) {
      return;
    }
    List<String> missing = new ArrayList<>();
    for (String name : touched.keySet()) {
      ModelState cached = states.getIfPresent(name);
      if (cached != null) {
        touched.put(name, cached);
      } else {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      jdbc.query("SELECT model_name, state FROM view_model WHERE model_name = ANY (?)", rs -> {
        touched.put(rs.getString(1), EventJson.mapper().readValue(rs.getString(2), ModelState.class));
      }, (Object) missing.toArray(String[]::new));
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            states.invalidateAll();
          }
        }
      });
    }
    for (LoggedFact f : facts) {
      if (f.payload() instanceof ModelEvent m) {
        ModelState s = touched.get(m.modelName());
        if (s == null) {
          s = new ModelState(m.modelName());
          touched.put(m.modelName(), s);
        }
        s.apply(f.payload(), f.time(), f.leaf());
      }
    }
    states.putAll(touched);
    write(touched, versions, firstLeaf);
  }

  /**
   * Upserts the rows of {@code states}: of every version where {@code versions} has null for the
   * model, else of the versions named; of sign-offs, only those logged from {@code firstLeaf} on
   * unless every version is written.
   */
  private void write(Map<String, ModelState> states, Map<String, Set<Integer>> versions, long firstLeaf) {
    List<Object[]> models = new ArrayList<>();
    List<Object[]> versionRows = new ArrayList<>();
    List<Object[]> signOffs = new ArrayList<>();
    List<Object[]> gates = new ArrayList<>();
    List<Object[]> drifts = new ArrayList<>();
    for (ModelState s : states.values()) {
      models.add(new Object[] {s.model, EventJson.mapper().writeValueAsString(s), s.lastLeaf});
      Set<Integer> only = versions.get(s.model);
      for (VersionState v : s.versions.values()) {
        if (only != null && !only.contains(v.version)) {
          continue;
        }
        versionRows.add(new Object[] {s.model, v.version, s.tier, v.status, v.caseId, v.policyName, v.policyVersion,
            v.submittedBy, ts(v.submittedAt), ts(v.openedAt), ts(v.approvedAt), ts(v.validUntil), v.breakGlass,
            ts(v.breakGlassReviewDueBy), v.suspended, ts(v.recertificationDueAt), ts(v.expiredAt),
            String.join(", ", v.stages.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()),
            v.awaiting().keySet().toArray(String[]::new)});
        for (ModelState.SignOff so : v.signOffs) {
          if (only != null && so.leaf < firstLeaf) {
            continue;
          }
          signOffs.add(new Object[] {so.leaf, s.model, v.version, s.tier, so.role, so.signer, so.decision, ts(so.at),
              ts(v.openedAt)});
        }
        v.gates.forEach((id, g) -> gates.add(new Object[] {s.model, v.version, id, g.outcome, g.failures}));
        for (ModelState.Drift d : v.drift.values()) {
          drifts.add(new Object[] {d.signalId, s.model, v.version, d.feature, d.statistic, d.value, d.severity,
              ts(d.detectedAt), ts(d.resolvedAt)});
        }
      }
    }
    jdbc.batchUpdate("""
        INSERT INTO view_model (model_name, state, last_leaf) VALUES (?, ?, ?)
        ON CONFLICT (model_name) DO UPDATE SET state = EXCLUDED.state, last_leaf = EXCLUDED.last_leaf""", models);
    jdbc.batchUpdate("""
        INSERT INTO view_version (model_name, version, tier, status, case_id, policy_name, policy_version, submitted_by,
            submitted_at, opened_at, approved_at, valid_until, break_glass, review_due_by, suspended,
            recertification_due_at, expired_at, stages, awaiting_roles)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (model_name, version) DO UPDATE SET tier = EXCLUDED.tier, status = EXCLUDED.status,
            case_id = EXCLUDED.case_id, policy_name = EXCLUDED.policy_name, policy_version = EXCLUDED.policy_version,
            submitted_by = EXCLUDED.submitted_by, submitted_at = EXCLUDED.submitted_at, opened_at = EXCLUDED.opened_at,
            approved_at = EXCLUDED.approved_at, valid_until = EXCLUDED.valid_until, break_glass = EXCLUDED.break_glass,
            review_due_by = EXCLUDED.review_due_by, suspended = EXCLUDED.suspended,
            recertification_due_at = EXCLUDED.recertification_due_at, expired_at = EXCLUDED.expired_at,
            stages = EXCLUDED.stages, awaiting_roles = EXCLUDED.awaiting_roles
        WHERE (view_version.*) IS DISTINCT FROM (EXCLUDED.*)""", versionRows);
    jdbc.batchUpdate("""
        INSERT INTO view_signoff (leaf_index, model_name, version, tier, role, signer, decision, signed_at, opened_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (leaf_index) DO UPDATE SET tier = EXCLUDED.tier, opened_at = EXCLUDED.opened_at
        WHERE (view_signoff.tier, view_signoff.opened_at) IS DISTINCT FROM (EXCLUDED.tier, EXCLUDED.opened_at)""",
        signOffs);
    jdbc.batchUpdate("""
        INSERT INTO view_gate (model_name, version, gate_id, outcome, failures) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (model_name, version, gate_id) DO UPDATE SET outcome = EXCLUDED.outcome, failures = EXCLUDED.failures
        WHERE (view_gate.outcome, view_gate.failures) IS DISTINCT FROM (EXCLUDED.outcome, EXCLUDED.failures)""",
        gates);
    jdbc.batchUpdate("""
        INSERT INTO view_drift (signal_id, model_name, version, feature, statistic, value, severity, detected_at,
            resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (signal_id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at
        WHERE view_drift.resolved_at IS DISTINCT FROM EXCLUDED.resolved_at""", drifts);
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
