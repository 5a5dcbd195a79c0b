package io.gatehouse.approval.approvalcase.infra;

import io.gatehouse.approval.approvalcase.api.NoteGateResult;
import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.validation.GateFailed;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Notes validation's gate results on the version's case. A result that arrives before the case was
 * opened is kept in {@code pending_gate_result} and applied when the case opens
 * ({@link RegistryEventTranslator}); both happen in the consumer's transaction.
 */
@Component
public class ValidationEventTranslator implements EventConsumer {

  private static final Set<String> ACCEPTED = EventCatalog.typesOf(GatePassed.class, GateFailed.class);

  private final CommandGateway commands;
  private final CaseExistence cases;
  private final JdbcTemplate jdbc;

  public ValidationEventTranslator(CommandGateway commands, CaseExistence cases, JdbcTemplate jdbc) {
    this.commands = commands;
    this.cases = cases;
    this.jdbc = jdbc;
  }

  @Override
  public boolean accepts(String type) {
    return ACCEPTED.contains(type);
  }

  @Override
  public void consume(ConsumedEvent event) {
    NoteGateResult note;
    if (event.payload() instanceof GatePassed p) {
      note = new NoteGateResult(CaseIds.of(p.modelName(), p.version()), p.gateId(), true, p.dataSha256(),
          evidence(p.dataSha256(), p.observed()), null, p.runId());
    } else if (event.payload() instanceof GateFailed f) {
      note = new NoteGateResult(CaseIds.of(f.modelName(), f.version()), f.gateId(), false, f.dataSha256(),
          evidence(f.dataSha256(), f.observed()), f.reason(), f.runId());
    } else {
      return;
    }
    if (cases.exists(note.caseId())) {
      commands.sendAndWait(note);
    } else {
      jdbc.update("""
          INSERT INTO pending_gate_result (case_id, gate_id, passed, data_sha256, evidence, reason, run_id)
          VALUES (?, ?, ?, ?, ?, ?, ?)""", note.caseId(), note.gateId(), note.passed(), note.dataSha256(),
          note.evidence(), note.reason(), note.runId());
    }
  }

  /** What a result was computed from: the data's digest and the observed values, in order. */
  static String evidence(String dataSha256, List<ObservedValue> observed) {
    return dataSha256 + "|" + observed.stream().map(o -> o.name() + "=" + o.value()).collect(Collectors.joining(","));
  }

  /** Applies the results that waited for {@code caseId} to open, oldest first. */
  void applyPending(String caseId) {
    List<NoteGateResult> pending = jdbc.query("""
        SELECT gate_id, passed, data_sha256, evidence, reason, run_id FROM pending_gate_result
        WHERE case_id = ? ORDER BY seq""", (rs, i) -> new NoteGateResult(caseId, rs.getString(1), rs.getBoolean(2),
        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), caseId);
    pending.forEach(commands::sendAndWait);
    jdbc.update("DELETE FROM pending_gate_result WHERE case_id = ?", caseId);
  }
}
