package io.gatehouse.approval.caseview;

import io.gatehouse.approval.approvalcase.api.GateResultNoted;
import io.gatehouse.approval.approvalcase.domain.Decision;
import io.gatehouse.approval.approvalcase.domain.Quorum;
import io.gatehouse.approval.approvalcase.domain.SignOff;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.ChangesRequested;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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
        Map.of(), e.requiredGates(), e.submittedBy(), e.authors(), e.openedAt(), null, null, at);
    view = withDerived(view);
    jdbc.update("""
        INSERT INTO case_view (case_id, model_name, version, status, awaiting_roles, document, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""",
        view.caseId(), view.modelName(), view.version(), view.status(), awaitingColumn(view),
        json.writeValueAsString(view), java.sql.Timestamp.from(at));
  }

  @EventHandler
  void on(SignOffRecorded e, @Timestamp Instant at) {
    update(e.caseId(), at, v -> {
      List<CaseView.SignOffView> signOffs = new ArrayList<>(v.signOffs());
      signOffs.add(new CaseView.SignOffView(e.role(), e.signer(), e.signerName(), e.decision(), e.comment(),
          e.recordedAt()));
      return copy(v, v.status(), v.gates(), signOffs, v.approvedAt(), v.validUntil(), at);
    });
  }

  @EventHandler
  void on(SignOffsVoided e, @Timestamp Instant at) {
    update(e.caseId(), at, v -> copy(v, v.status(), v.gates(), List.of(), v.approvedAt(), v.validUntil(), at));
  }

  @EventHandler
  void on(GateResultNoted e, @Timestamp Instant at) {
    update(e.caseId(), at, v -> {
      Map<String, CaseView.Gate> gates = new LinkedHashMap<>(v.gates());
      gates.put(e.gateId(), new CaseView.Gate(e.passed(), e.dataSha256(), e.reason()));
      return copy(v, v.status(), gates, v.signOffs(), v.approvedAt(), v.validUntil(), at);
    });
  }

  @EventHandler
  void on(ModelApproved e, @Timestamp Instant at) {
    update(e.caseId(), at, v -> copy(v, "APPROVED", v.gates(), v.signOffs(), e.approvedAt(), e.validUntil(), at));
  }

  @EventHandler
  void on(ModelRejected e, @Timestamp Instant at) {
    update(e.caseId(), at, v -> copy(v, "REJECTED", v.gates(), v.signOffs(), null, null, at));
  }

  @EventHandler
  void on(ChangesRequested e, @Timestamp Instant at) {
    update(e.caseId(), at, v -> copy(v, "CHANGES_REQUESTED", v.gates(), v.signOffs(), null, null, at));
  }

  @ResetHandler
  void reset() {
    jdbc.update("DELETE FROM case_view");
  }

  private void update(String caseId, Instant at, UnaryOperator<CaseView> change) {
    List<String> docs = jdbc.queryForList("SELECT document FROM case_view WHERE case_id = ? FOR UPDATE",
        String.class, caseId);
    if (docs.isEmpty()) {
      return; // CaseOpened always comes first for an aggregate; nothing to update otherwise
    }
    CaseView view = withDerived(change.apply(json.readValue(docs.get(0), CaseView.class)));
    jdbc.update("UPDATE case_view SET status = ?, awaiting_roles = ?, document = ?, updated_at = ? WHERE case_id = ?",
        view.status(), awaitingColumn(view), json.writeValueAsString(view), java.sql.Timestamp.from(at), caseId);
  }

  private static CaseView copy(CaseView v, String status, Map<String, CaseView.Gate> gates,
      List<CaseView.SignOffView> signOffs, Instant approvedAt, Instant validUntil, Instant at) {
    return new CaseView(v.caseId(), v.modelName(), v.version(), v.artifactSha256(), v.riskTier(), v.policyName(),
        v.policyVersion(), status, v.requiredGates(), v.requiredSignOffs(), gates, signOffs, v.awaiting(),
        v.gatesNotPassed(), v.submittedBy(), v.authors(), v.openedAt(), approvedAt, validUntil, at);
  }

  /** Recomputes what the case waits for: roles short of their quorum, gates not passed. */
  private static CaseView withDerived(CaseView v) {
    List<SignOff> counted = v.signOffs().stream()
        .map(s -> new SignOff(s.role(), s.signer(), Decision.valueOf(s.decision()))).toList();
    Map<String, Integer> awaiting = "OPEN".equals(v.status()) ? Quorum.missing(v.requiredSignOffs(), counted) : Map.of();
    List<String> notPassed = v.requiredGates().stream()
        .filter(g -> v.gates().get(g) == null || !v.gates().get(g).passed()).toList();
    return new CaseView(v.caseId(), v.modelName(), v.version(), v.artifactSha256(), v.riskTier(), v.policyName(),
        v.policyVersion(), v.status(), v.requiredGates(), v.requiredSignOffs(), v.gates(), v.signOffs(), awaiting,
        notPassed, v.submittedBy(), v.authors(), v.openedAt(), v.approvedAt(), v.validUntil(), v.updatedAt());
  }

  /** {@code ,LEGAL,MODEL_RISK,} so that a role can be found with LIKE '%,ROLE,%'. */
  private static String awaitingColumn(CaseView v) {
    return "," + String.join(",", v.awaiting().keySet()) + ",";
  }
}
