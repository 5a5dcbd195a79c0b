package io.gatehouse.approval.caseview;

import io.gatehouse.approval.approvalcase.api.GateResultNoted;
import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.gatehouse.approval.approvalcase.domain.Decision;
import io.gatehouse.approval.approvalcase.domain.Quorum;
import io.gatehouse.approval.approvalcase.domain.SignOff;
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
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code case_view} up to date from the case events; it can be dropped and rebuilt by replay
 * (a reset empties the table).
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
public class CaseViewProjection {

  public static final String PROCESSING_GROUP = "case-view";

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  public CaseViewProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.json = io.gatehouse.contracts.EventJson.mapper();
  }

  @EventHandler
  void on(CaseOpened e, @Timestamp Instant at) {
    CaseView view = new CaseView(e.caseId(), e.modelName(), e.version(), e.artifactSha256(), e.riskTier(),
        e.policyName(), e.policyVersion(), "OPEN", e.requiredGates(), e.requiredSignOffs(), Map.of(), List.of(),
        Map.of(), e.requiredGates(), e.submittedBy(), e.authors(), e.openedAt(), null, null, false, null, null, null,
        null, Map.of(), at);
    view = derive(view.toBuilder(), at);
    jdbc.update("""
        INSERT INTO case_view (case_id, model_name, version, status, awaiting_roles, document, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""",
        view.caseId(), view.modelName(), view.version(), view.status(), awaitingColumn(view),
        json.writeValueAsString(view), java.sql.Timestamp.from(at));
  }

  @EventHandler
  void on(SignOffRecorded e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> {
      List<CaseView.SignOffView> signOffs = new ArrayList<>(b.signOffs);
      signOffs.add(new CaseView.SignOffView(e.role(), e.signer(), e.signerName(), e.decision(), e.comment(),
          e.recordedAt()));
      b.signOffs = signOffs;
    });
  }

  @EventHandler
  void on(SignOffsVoided e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> b.signOffs = List.of());
  }

  @EventHandler
  void on(GateResultNoted e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> {
      Map<String, CaseView.Gate> gates = new LinkedHashMap<>(b.gates);
      gates.put(e.gateId(), new CaseView.Gate(e.passed(), e.dataSha256(), e.reason()));
      b.gates = gates;
    });
  }

  @EventHandler
  void on(ModelApproved e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> {
      b.status = "APPROVED";
      b.approvedAt = e.approvedAt();
      b.validUntil = e.validUntil();
      b.suspended = false;
      b.suspensionReason = null;
      b.recertificationDueAt = null;
      if (b.breakGlass != null && !b.breakGlass.reviewed()) {
        CaseView.BreakGlassView g = b.breakGlass;
        b.breakGlass = new CaseView.BreakGlassView(g.approvers(), g.justification(), g.approvedAt(), g.reviewDueBy(), true);
      }
    });
  }

  @EventHandler
  void on(ModelRejected e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> withdrawn(b, "REJECTED"));
  }

  @EventHandler
  void on(CaseWithdrawn e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> withdrawn(b, "WITHDRAWN"));
  }

  @EventHandler
  void on(ChangesRequested e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> withdrawn(b, "CHANGES_REQUESTED"));
  }

  @EventHandler
  void on(ApprovalSuspended e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> {
      b.status = "OPEN";
      b.approvedAt = null;
      b.validUntil = null;
      b.suspended = true;
      b.suspensionReason = e.reason();
      b.signOffs = List.of();
    });
  }

  @EventHandler
  void on(RecertificationDue e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> b.recertificationDueAt = e.dueAt());
  }

  @EventHandler
  void on(ApprovalExpired e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> {
      if ("APPROVED".equals(b.status)) {
        b.status = "EXPIRED";
      }
      b.approvedAt = null;
      b.validUntil = null;
      b.expiredAt = e.expiredAt();
    });
  }

  @EventHandler
  void on(CaseReopened e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> {
      b.status = "OPEN";
      b.policyName = e.policyName();
      b.policyVersion = e.policyVersion();
      b.requiredGates = e.requiredGates();
      b.requiredSignOffs = e.requiredSignOffs();
      b.signOffs = List.of();
    });
  }

  @EventHandler
  void on(BreakGlassApproved e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> {
      if (!"OPEN".equals(b.status)) {
        b.signOffs = List.of();
      }
      b.status = "OPEN";
      b.approvedAt = e.approvedAt();
      b.validUntil = e.reviewDueBy();
      b.suspended = false;
      b.suspensionReason = null;
      b.breakGlass = new CaseView.BreakGlassView(e.approvers(), e.justification(), e.approvedAt(), e.reviewDueBy(),
          false);
    });
  }

  @EventHandler
  void on(ModelPromoted e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> b.stages = with(b.stages, e.stage(),
        new CaseView.StageView(e.rolloutPhase(), e.trafficPercent(), e.promotedAt())));
    if (e.demotedVersion() != null) {
      update(CaseIds.of(e.modelName(), e.demotedVersion()), at, b -> b.stages = without(b.stages, e.stage()));
    }
  }

  @EventHandler
  void on(ModelRolledBack e, @Timestamp Instant at) {
    update(e.caseId(), at, b -> b.stages = without(b.stages, e.stage()));
    update(CaseIds.of(e.modelName(), e.toVersion()), at, b -> b.stages = with(b.stages, e.stage(),
        new CaseView.StageView("general", 100, e.rolledBackAt())));
  }

  @ResetHandler
  void reset() {
    jdbc.update("DELETE FROM case_view");
  }

  private static void withdrawn(CaseView.Builder b, String status) {
    b.status = status;
    b.approvedAt = null;
    b.validUntil = null;
  }

  private static Map<String, CaseView.StageView> with(Map<String, CaseView.StageView> stages, String stage,
      CaseView.StageView view) {
    Map<String, CaseView.StageView> changed = new LinkedHashMap<>(stages);
    changed.put(stage, view);
    return changed;
  }

  private static Map<String, CaseView.StageView> without(Map<String, CaseView.StageView> stages, String stage) {
    Map<String, CaseView.StageView> changed = new LinkedHashMap<>(stages);
    changed.remove(stage);
    return changed;
  }

  private void update(String caseId, Instant at, Consumer<CaseView.Builder> change) {
    List<String> docs = jdbc.queryForList("SELECT document FROM case_view WHERE case_id = ? FOR UPDATE",
        String.class, caseId);
    if (docs.isEmpty()) {
      return; // CaseOpened always comes first for an aggregate; nothing to update otherwise
    }
    CaseView.Builder b = json.readValue(docs.get(0), CaseView.class).toBuilder();
    change.accept(b);
    CaseView view = derive(b, at);
    CaseView.BreakGlassView g = view.breakGlass();
    jdbc.update("""
        UPDATE case_view SET status = ?, awaiting_roles = ?, document = ?, updated_at = ?, review_due_by = ?
        WHERE case_id = ?""",
        view.status(), awaitingColumn(view), json.writeValueAsString(view), java.sql.Timestamp.from(at),
        g == null || g.reviewed() ? null : java.sql.Timestamp.from(g.reviewDueBy()), caseId);
  }

  /** Recomputes what the case waits for: roles short of their quorum, gates not passed. */
  private static CaseView derive(CaseView.Builder b, Instant at) {
    List<SignOff> counted = b.signOffs.stream()
        .map(s -> new SignOff(s.role(), s.signer(), Decision.valueOf(s.decision()))).toList();
    Map<String, Integer> awaiting = "OPEN".equals(b.status) ? Quorum.missing(b.requiredSignOffs, counted) : Map.of();
    List<String> notPassed = b.requiredGates.stream()
        .filter(g -> b.gates.get(g) == null || !b.gates.get(g).passed()).toList();
    return b.build(awaiting, notPassed, at);
  }

  /** {@code ,LEGAL,MODEL_RISK,} so that a role can be found with LIKE '%,ROLE,%'. */
  private static String awaitingColumn(CaseView v) {
    return "," + String.join(",", v.awaiting().keySet()) + ",";
  }
}
