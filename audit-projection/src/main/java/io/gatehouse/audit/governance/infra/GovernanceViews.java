package io.gatehouse.audit.governance.infra;

import io.gatehouse.audit.governance.domain.LoggedFact;
import io.gatehouse.audit.governance.domain.ModelState;
import io.gatehouse.audit.governance.domain.ModelState.VersionState;
import io.gatehouse.contracts.ModelEvent;
import io.gatehouse.contracts.ModelVersionEvent;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.ModelRolledBack;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.RiskTierAssigned;
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
 * Keeps the governance views in the append's transaction: the folded state of each model an append
 * touches (kept in memory, else folded again from the model's entries in the log), the new facts
 * applied in log order, and the rows they can change upserted (a row that did not change is not
 * written again; no fact removes a row). The same code rebuilds the views from the log, so a replay
 * gives the same rows.
 */
@Component
public class GovernanceViews {

  static final List<String> TABLES = List.of("view_version", "view_signoff", "view_gate", "view_drift");

  private final JdbcTemplate jdbc;
  /**
   * Folded states as this instance last committed them. Trusted only while no other writer appended
   * in between; emptied when a transaction that changed them rolls back. A model not here is folded
   * again from its entries in the log.
   */
  private final Map<String, ModelState> states = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ModelState> eldest) {
          return size() > MAX_STATES; // least recently used first: the models being reviewed now stay
        }
      });

  /** Folded states kept in memory (a few KiB each). */
  static final int MAX_STATES = 5_000;

  public GovernanceViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Forgets every cached state (another writer may have changed the views). */
  public void forget() {
    states.clear();
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
      states.clear();
    }
    Map<String, ModelState> touched = new LinkedHashMap<>();
    // the versions whose rows these facts can change, per model; null: every version of the model
    Map<String, Set<Integer>> versions = new HashMap<>();
    // the models whose tier these facts set: their sign-off rows carry the tier
    Set<String> tierSet = new HashSet<>();
    for (LoggedFact f : facts) {
      if (f.payload() instanceof ModelRegistered || f.payload() instanceof RiskTierAssigned) {
        tierSet.add(((ModelEvent) f.payload()).modelName());
      }
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
      ModelState cached = states.get(name);
      if (cached != null) {
        touched.put(name, cached);
      } else {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      // not in memory: fold the model again from its entries logged before these facts
      long before = facts.get(0).leaf();
      jdbc.query("SELECT model_name, leaf_index, entry FROM audit_entry WHERE model_name = ANY (?) AND leaf_index < ?"
          + " ORDER BY leaf_index", rs -> {
            LoggedFact f = Facts.fromLeaf(rs.getLong(2), rs.getBytes(3));
            touched.computeIfAbsent(rs.getString(1), ModelState::new).apply(f.payload(), f.time(), f.leaf());
          }, missing.toArray(String[]::new), before);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            states.clear();
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
    write(touched, versions, tierSet, firstLeaf);
  }

  /**
   * Upserts the rows of {@code states} that facts from leaf {@code firstLeaf} on can have changed:
   * version rows of every version where {@code versions} has null for the model, else of the versions
   * named; gate results and drift incidents those facts changed (each remembers the leaf of its last
   * change); sign-offs those facts recorded, and every sign-off of a model in {@code tierSet} (the
   * row carries the tier). Any other row is as an earlier append wrote it.
   */
  private void write(Map<String, ModelState> states, Map<String, Set<Integer>> versions, Set<String> tierSet,
      long firstLeaf) {
    List<Object[]> versionRows = new ArrayList<>();
    List<Object[]> signOffs = new ArrayList<>();
    List<Object[]> gates = new ArrayList<>();
    List<Object[]> drifts = new ArrayList<>();
    for (ModelState s : states.values()) {
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
        boolean tierChanged = tierSet.contains(s.model);
        for (ModelState.SignOff so : v.signOffs) {
          if (so.leaf < firstLeaf && !tierChanged) {
            continue;
          }
          signOffs.add(new Object[] {so.leaf, s.model, v.version, s.tier, so.role, so.signer, so.decision, ts(so.at),
              ts(so.caseOpenedAt)});
        }
        v.gates.forEach((id, g) -> {
          if (g.leaf >= firstLeaf) {
            gates.add(new Object[] {s.model, v.version, id, g.outcome, g.failures});
          }
        });
        for (ModelState.Drift d : v.drift.values()) {
          if (d.leaf < firstLeaf) {
            continue;
          }
          drifts.add(new Object[] {d.signalId, s.model, v.version, d.feature, d.statistic, d.value, d.severity,
              ts(d.detectedAt), ts(d.resolvedAt)});
        }
      }
    }
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
        ON CONFLICT (leaf_index) DO UPDATE SET tier = EXCLUDED.tier
        WHERE view_signoff.tier IS DISTINCT FROM EXCLUDED.tier""",
        signOffs);
    jdbc.batchUpdate("""
        INSERT INTO view_gate (model_name, version, gate_id, outcome, failures) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (model_name, version, gate_id) DO UPDATE SET outcome = EXCLUDED.outcome, failures = EXCLUDED.failures
        WHERE (view_gate.outcome, view_gate.failures) IS DISTINCT FROM (EXCLUDED.outcome, EXCLUDED.failures)""",
        gates);
    jdbc.batchUpdate("""
        INSERT INTO view_drift (signal_id, model_name, version, feature, statistic, value, severity, detected_at,
            resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (model_name, version, signal_id) DO UPDATE SET feature = EXCLUDED.feature,
            statistic = EXCLUDED.statistic, value = EXCLUDED.value, severity = EXCLUDED.severity,
            detected_at = EXCLUDED.detected_at, resolved_at = EXCLUDED.resolved_at
        WHERE (view_drift.*) IS DISTINCT FROM (EXCLUDED.*)""", drifts);
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
