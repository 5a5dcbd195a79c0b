package io.gatehouse.approval.approvalcase.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.approval.approvalcase.api.OpenCase;
import io.gatehouse.contracts.approval.CaseOpened;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The approval case of one model version. It records the policy version it opened under, the
 * required gates and sign-offs, and who submitted and authored the version (who may therefore not
 * sign it off).
 */
@Aggregate
public class ApprovalCase {

  @AggregateIdentifier
  private String caseId;
  private String modelName;
  private int version;

  protected ApprovalCase() {
    // for Axon
  }

  @CommandHandler
  public ApprovalCase(OpenCase cmd, Clock clock) {
    apply(new CaseOpened(cmd.caseId(), cmd.modelName(), cmd.version(), cmd.artifactSha256(), cmd.riskTier(),
        cmd.policyName(), cmd.policyVersion(), cmd.requirements().gateIds(), cmd.requirements().signOffs(),
        cmd.submittedBy(), cmd.authors() == null ? List.of() : List.copyOf(cmd.authors()), clock.instant()));
  }

  @EventSourcingHandler
  void on(CaseOpened e) {
    caseId = e.caseId();
    modelName = e.modelName();
    version = e.version();
  }
}
