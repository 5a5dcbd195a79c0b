package io.gatehouse.audit.governance.domain;

import io.gatehouse.contracts.GatehouseEvent;
import io.gatehouse.contracts.approval.ApprovalExpired;
import io.gatehouse.contracts.approval.ApprovalSuspended;
import io.gatehouse.contracts.approval.BreakGlassApproved;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.CaseReopened;
import io.gatehouse.contracts.approval.CaseWithdrawn;
import io.gatehouse.contracts.approval.ChangesRequested;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.ModelRolledBack;
import io.gatehouse.contracts.approval.RecertificationDue;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.RolloutPaused;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.contracts.monitoring.DriftResolved;
import io.gatehouse.contracts.registry.ModelCardUpdated;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.ModelVersionRetired;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet;
import io.gatehouse.contracts.registry.ModelVersionLineageSet;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.registry.RiskTierAssigned;
import io.gatehouse.contracts.validation.GateFailed;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ValidationCompleted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the audit log says about one model, event after event: per version its case, policy, gate
 * results, sign-offs that count, approval and its validity, stages, drift. Folding the log up to an
 * instant gives the state at that instant. Mutable and plain; serializable as JSON (public fields;
 * maps are sorted maps, so a state read back from JSON writes the same JSON again).
 */
public final class ModelState {

  public String model;
  public String tier;
  public long lastLeaf = -1;
  public Instant lastEventAt;
  public TreeMap<Integer, VersionState> versions = new TreeMap<>();
  /** Which version holds each stage fully (traffic 100 %). */
  public TreeMap<String, Integer> stageHolders = new TreeMap<>();

  /** One gate's standing result. */
  public static final class GateResult {
    public String outcome;
    public String expression;
    public String dataSha256;
    public int policyVersion;
    public Instant at;
    public long leaf;
    public int failures;
  }

  /** One sign-off. */
  public static final class SignOff {
    public String role;
    public String signer;
    public String signerName;
    public String decision;
    public String comment;
    public Instant at;
    public long leaf;
    public boolean voided;
    /** When the case was opened, as it stood when this sign-off was given. */
    public Instant caseOpenedAt;
  }

  /** One drift signal. */
  public static final class Drift {
    public String signalId;
    public String feature;
    public String statistic;
    public double value;
    public double threshold;
    public String severity;
    public Instant detectedAt;
    public Instant resolvedAt;
    /** The leaf of the last fact that changed this incident (detected, then resolved). */
    public long leaf;
  }

  /** One promotion step. */
  public static final class Promotion {
    public String stage;
    public String phase;
    public int trafficPercent;
    public Integer demotedVersion;
    public String by;
    public Instant at;
    public long leaf;
  }

  /** A version and its case. */
  public static final class VersionState {
    public int version;
    public String artifactSha256;
    public String artifactUri;
    public String submittedBy;
    public List<String> authors = new ArrayList<>();
    public Instant submittedAt;
    /** As submitted, or as last given since ({@code ModelVersionEvaluationDataSet}); null if none. */
    public EvaluationDataRef evaluationData;
    /** As submitted, or as last given since ({@code ModelVersionLineageSet}); null if none. */
    public Lineage lineage;
    public String caseId;
    public Instant openedAt;
    public String policyName;
    public Integer policyVersion;
    public List<String> requiredGates = new ArrayList<>();
    public List<RequiredSignOff> requiredSignOffs = new ArrayList<>();
    /** OPEN, APPROVED, REJECTED, CHANGES_REQUESTED, EXPIRED, RETIRED, WITHDRAWN; null before the case opens. */
    public String status;
    public Instant approvedAt;
    public Instant validUntil;
    public boolean breakGlass;
    public Instant breakGlassReviewDueBy;
    public boolean suspended;
    public String suspendedReason;
    public Instant recertificationDueAt;
    public Instant expiredAt;
    public TreeMap<String, GateResult> gates = new TreeMap<>();
    public List<SignOff> signOffs = new ArrayList<>();
    public List<Promotion> promotions = new ArrayList<>();
    public TreeMap<String, String> stages = new TreeMap<>();
    public TreeMap<String, Drift> drift = new TreeMap<>();
    public String withdrawnReason;
    public String reportUri;
    public String reportSha256;
    public Integer cardRevision;
    public List<String> missingCardSections = new ArrayList<>();

    /** Whether an approval stands at {@code at}: approved or break-glass, not suspended, not expired, review not overdue. */
    public boolean approvalValidAt(Instant at) {
      if (suspended || withdrawnReason != null || approvedAt == null && !breakGlass) {
        return false;
      }
      if (breakGlass && approvedAt == null) {
        return breakGlassReviewDueBy != null && at.isBefore(breakGlassReviewDueBy);
      }
      return validUntil != null && at.isBefore(validUntil) && expiredAt == null;
    }

    /** Roles still short of their quorum in the current round. */
    public Map<String, Integer> awaiting() {
      Map<String, Integer> out = new TreeMap<>();
      if (!"OPEN".equals(status)) {
        return out;
      }
      for (RequiredSignOff r : requiredSignOffs) {
        long have = signOffs.stream().filter(s -> !s.voided && s.role.equals(r.role()) && "APPROVE".equals(s.decision))
            .count();
        if (have < r.quorum()) {
          out.put(r.role(), (int) (r.quorum() - have));
        }
      }
      return out;
    }
  }

  public ModelState() {}

  public ModelState(String model) {
    this.model = model;
  }

  private VersionState version(int v) {
    return versions.computeIfAbsent(v, k -> {
      VersionState s = new VersionState();
      s.version = k;
      return s;
    });
  }

  /** Applies one logged event (its time is the CloudEvent time, {@code leaf} its index in the log). */
  public void apply(GatehouseEvent event, Instant time, long leaf) {
    lastLeaf = leaf;
    lastEventAt = time;
    if (event instanceof ModelRegistered e) {
      tier = e.riskTier();
    } else if (event instanceof RiskTierAssigned e) {
      tier = e.riskTier();
    } else if (event instanceof ModelVersionSubmitted e) {
      VersionState v = version(e.version());
      v.artifactSha256 = e.artifact() == null ? null : e.artifact().sha256();
      v.artifactUri = e.artifact() == null ? null : e.artifact().uri();
      v.submittedBy = e.submittedBy();
      v.authors = e.authors() == null ? List.of() : List.copyOf(e.authors());
      v.submittedAt = time;
      if (e.evaluationData() != null || v.evaluationData == null) {
        v.evaluationData = e.evaluationData();
      }
      if (e.lineage() != null || v.lineage == null) {
        v.lineage = e.lineage();
      }
      if (tier == null) {
        tier = e.riskTier();
      }
    } else if (event instanceof ModelVersionEvaluationDataSet e) {
      version(e.version()).evaluationData = e.evaluationData();
    } else if (event instanceof ModelVersionLineageSet e) {
      version(e.version()).lineage = e.lineage();
    } else if (event instanceof ModelCardUpdated e) {
      VersionState v = version(e.version());
      v.cardRevision = e.cardRevision();
      v.missingCardSections = e.missingSections() == null ? List.of() : List.copyOf(e.missingSections());
    } else if (event instanceof ModelVersionRetired e) {
      version(e.version()).status = "RETIRED";
    } else if (event instanceof CaseWithdrawn e) {
      // retired or deleted in the registry: the case is closed and any approval no longer counts
      VersionState v = version(e.version());
      v.status = "WITHDRAWN";
      v.withdrawnReason = e.reason();
      v.stages.clear();
    } else if (event instanceof CaseOpened e) {
      VersionState v = version(e.version());
      v.caseId = e.caseId();
      v.openedAt = time;
      v.policyName = e.policyName();
      v.policyVersion = e.policyVersion();
      v.requiredGates = List.copyOf(e.requiredGates());
      v.requiredSignOffs = List.copyOf(e.requiredSignOffs());
      v.status = "OPEN";
      if (v.artifactSha256 == null) {
        v.artifactSha256 = e.artifactSha256();
      }
    } else if (event instanceof CaseReopened e) {
      VersionState v = version(e.version());
      v.policyName = e.policyName();
      v.policyVersion = e.policyVersion();
      v.requiredGates = List.copyOf(e.requiredGates());
      v.requiredSignOffs = List.copyOf(e.requiredSignOffs());
      v.signOffs.forEach(s -> s.voided = true);
      v.status = "OPEN";
    } else if (event instanceof GatePassed e) {
      gate(e.version(), e.gateId(), "PASSED", e.expression(), e.dataSha256(), e.policyVersion(),
        time, leaf);
    } else if (event instanceof GateFailed e) {
      gate(e.version(), e.gateId(), "FAILED", e.expression(), e.dataSha256(), e.policyVersion(),
        time, leaf);
    } else if (event instanceof ValidationCompleted e) {
      VersionState v = version(e.version());
      v.reportUri = e.reportUri();
      v.reportSha256 = e.reportSha256();
    } else if (event instanceof SignOffRecorded e) {
      SignOff s = new SignOff();
      s.role = e.role();
      s.signer = e.signer();
      s.signerName = e.signerName();
      s.decision = e.decision();
      s.comment = e.comment();
      s.at = time;
      s.leaf = leaf;
      VersionState v = version(e.version());
      s.caseOpenedAt = v.openedAt;
      v.signOffs.add(s);
    } else if (event instanceof SignOffsVoided e) {
      version(e.version()).signOffs.forEach(s -> s.voided = true);
    } else if (event instanceof ChangesRequested e) {
      version(e.version()).status = "CHANGES_REQUESTED";
    } else if (event instanceof ModelRejected e) {
      version(e.version()).status = "REJECTED";
    } else if (event instanceof ModelApproved e) {
      VersionState v = version(e.version());
      v.status = "APPROVED";
      v.approvedAt = time;
      v.validUntil = e.validUntil();
      v.breakGlass = false;
      v.breakGlassReviewDueBy = null;
      v.suspended = false;
      v.suspendedReason = null;
      v.expiredAt = null;
      v.recertificationDueAt = null;
      v.policyName = e.policyName();
      v.policyVersion = e.policyVersion();
    } else if (event instanceof BreakGlassApproved e) {
      VersionState v = version(e.version());
      v.breakGlass = true;
      v.breakGlassReviewDueBy = e.reviewDueBy();
    } else if (event instanceof ApprovalSuspended e) {
      VersionState v = version(e.version());
      v.suspended = true;
      v.suspendedReason = e.reason();
      v.status = "OPEN";
      v.signOffs.forEach(s -> s.voided = true);
    } else if (event instanceof RecertificationDue e) {
      version(e.version()).recertificationDueAt = e.dueAt();
    } else if (event instanceof ApprovalExpired e) {
      VersionState v = version(e.version());
      v.expiredAt = e.expiredAt();
      v.status = "EXPIRED";
    } else if (event instanceof ModelPromoted e) {
      VersionState v = version(e.version());
      Promotion p = new Promotion();
      p.stage = e.stage();
      p.phase = e.rolloutPhase();
      p.trafficPercent = e.trafficPercent();
      p.demotedVersion = e.demotedVersion();
      p.by = e.promotedBy();
      p.at = time;
      p.leaf = leaf;
      v.promotions.add(p);
      v.stages.put(e.stage(), e.rolloutPhase() + " " + e.trafficPercent() + "%");
      if (e.trafficPercent() == 100) {
        Integer previous = stageHolders.put(e.stage(), e.version());
        if (previous != null && previous != e.version()) {
          version(previous).stages.remove(e.stage());
        }
      }
    } else if (event instanceof RolloutPaused e) {
      version(e.version()).stages.computeIfPresent(e.stage(), (k, s) -> s + " (paused)");
    } else if (event instanceof ModelRolledBack e) {
      version(e.fromVersion()).stages.remove(e.stage());
      version(e.toVersion()).stages.put(e.stage(), "general 100%");
      stageHolders.put(e.stage(), e.toVersion());
    } else if (event instanceof DriftDetected e) {
      Drift d = new Drift();
      d.signalId = e.signalId();
      d.feature = e.feature();
      d.statistic = e.statistic();
      d.value = e.value();
      d.threshold = e.threshold();
      d.severity = e.severity();
      d.detectedAt = time;
      d.leaf = leaf;
      version(e.version()).drift.put(e.signalId(), d);
    } else if (event instanceof DriftResolved e) {
      Drift d = version(e.version()).drift.get(e.signalId());
      if (d != null) {
        d.resolvedAt = time;
        d.leaf = leaf;
      }
    } else {
      // PolicyPublished, PerformanceDegraded and the registry's descriptive events (tags, aliases,
      // descriptions, MLflow stages) change no state kept here; they stay in the log and the evidence
    }
  }

  private void gate(int version, String gateId, String outcome, String expression, String sha, int policyVersion,
      Instant time, long leaf) {
    VersionState v = version(version);
    GateResult previous = v.gates.get(gateId);
    GateResult g = new GateResult();
    g.outcome = outcome;
    g.expression = expression;
    g.dataSha256 = sha;
    g.policyVersion = policyVersion;
    g.at = time;
    g.leaf = leaf;
    g.failures = (previous == null ? 0 : previous.failures) + ("FAILED".equals(outcome) ? 1 : 0);
    v.gates.put(gateId, g);
  }
}
