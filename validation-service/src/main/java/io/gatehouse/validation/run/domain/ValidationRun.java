package io.gatehouse.validation.run.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.contracts.validation.GateFailed;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ValidationCompleted;
import io.gatehouse.contracts.validation.ValidationStarted;
import io.gatehouse.validation.run.api.CompleteValidation;
import io.gatehouse.validation.run.api.StartValidation;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One validation run of a version: started under a policy version, then completed exactly once with
 * a result per gate (GatePassed / GateFailed, each with the expression, observed values, policy
 * version, data digest and row count) followed by ValidationCompleted.
 */
@Aggregate
public class ValidationRun {

  @AggregateIdentifier
  private String runId;
  private String modelName;
  private int version;
  private String policyName;
  private int policyVersion;
  private boolean completed;

  protected ValidationRun() {
    // for Axon
  }

  @CommandHandler
  public ValidationRun(StartValidation cmd, Clock clock) {
    apply(new ValidationStarted(cmd.runId(), cmd.modelName(), cmd.version(), cmd.policyName(), cmd.policyVersion(),
        cmd.dataSha256(), cmd.startedBy(), clock.instant()));
  }

  @CommandHandler
  public void handle(CompleteValidation cmd, Clock clock) {
    if (completed) {
      throw new RunAlreadyCompleted(runId);
    }
    Instant now = clock.instant();
    int passed = 0;
    for (CompleteValidation.GateOutcome g : cmd.gates()) {
      if (g.passed()) {
        passed++;
        apply(new GatePassed(runId, modelName, version, g.gateId(), g.expression(), g.observed(), policyName,
            policyVersion, cmd.dataSha256(), cmd.rowCount(), now));
      } else {
        apply(new GateFailed(runId, modelName, version, g.gateId(), g.expression(), g.observed(), policyName,
            policyVersion, cmd.dataSha256(), cmd.rowCount(), g.reason(), now));
      }
    }
    apply(new ValidationCompleted(runId, modelName, version, passed, cmd.gates().size() - passed, cmd.reportUri(),
        cmd.reportSha256(), cmd.referenceProfile(), cmd.dataSha256(), cmd.rowCount(), now));
  }

  @EventSourcingHandler
  void on(ValidationStarted e) {
    runId = e.runId();
    modelName = e.modelName();
    version = e.version();
    policyName = e.policyName();
    policyVersion = e.policyVersion();
  }

  @EventSourcingHandler
  void on(ValidationCompleted e) {
    completed = true;
  }
}
