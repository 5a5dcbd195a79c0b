package io.gatehouse.approval.approvalcase.infra;

import io.gatehouse.approval.approvalcase.api.OpenCase;
import io.gatehouse.approval.approvalcase.api.WithdrawCase;
import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.infra.PolicyInForce;
import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.registry.ModelVersionDeleted;
import io.gatehouse.contracts.registry.ModelVersionRetired;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Opens a case for each submitted version, then applies gate results that arrived before it; closes
 * the case of a version retired or deleted in the registry. It runs
 * in the consumer's transaction, so the case's events and the record of having consumed the
 * submission commit together.
 */
@Component
public class RegistryEventTranslator implements EventConsumer {

  private static final Set<String> ACCEPTED =
      EventCatalog.typesOf(ModelVersionSubmitted.class, ModelVersionRetired.class, ModelVersionDeleted.class);

  private final CommandGateway commands;
  private final PolicyInForce policies;
  private final ValidationEventTranslator gateResults;
  private final CaseExistence cases;

  public RegistryEventTranslator(CommandGateway commands, PolicyInForce policies,
      ValidationEventTranslator gateResults, CaseExistence cases) {
    this.commands = commands;
    this.policies = policies;
    this.gateResults = gateResults;
    this.cases = cases;
  }

  @Override
  public boolean accepts(String type) {
    return ACCEPTED.contains(type);
  }

  @Override
  public void consume(ConsumedEvent event) {
    if (event.payload() instanceof ModelVersionSubmitted s) {
      Policy policy = policies.current();
      String caseId = CaseIds.of(s.modelName(), s.version());
      commands.sendAndWait(new OpenCase(caseId, s.modelName(), s.version(),
          s.artifact().sha256(), s.riskTier(), policy.name(), policy.version(), policy.forTier(s.riskTier()),
          s.submittedBy(), s.authors()));
      gateResults.applyPending(caseId);
    } else if (event.payload() instanceof ModelVersionRetired r) {
      withdraw(r.modelName(), r.version(), "RETIRED", r.reason(), r.retiredBy());
    } else if (event.payload() instanceof ModelVersionDeleted d) {
      withdraw(d.modelName(), d.version(), "DELETED", null, d.deletedBy());
    }
  }

  private void withdraw(String model, int version, String reason, String detail, String by) {
    String caseId = CaseIds.of(model, version);
    if (cases.exists(caseId)) { // a version never submitted (MLflow, no digest yet) has no case
      commands.sendAndWait(new WithdrawCase(caseId, reason, detail, by));
    }
  }
}
