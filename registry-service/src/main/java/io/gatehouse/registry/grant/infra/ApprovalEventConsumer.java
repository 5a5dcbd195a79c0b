package io.gatehouse.registry.grant.infra;

import io.gatehouse.contracts.ModelVersionEvent;
import io.gatehouse.contracts.Service;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.ModelRolledBack;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import io.gatehouse.registry.model.api.FollowStageGrant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Keeps each version's approval standing from approval-service's and validation-service's events and,
 * when approval-service promotes or rolls back a version, shows the stage in MLflow. It runs in the
 * consumer's transaction with the inbox row, so each event takes effect once.
 */
@Component
public class ApprovalEventConsumer implements EventConsumer {

  private final ApprovalStandings standings;
  private final CommandGateway commands;

  public ApprovalEventConsumer(ApprovalStandings standings, CommandGateway commands) {
    this.standings = standings;
    this.commands = commands;
  }

  /** approval-service's and validation-service's events: the rest cannot change a standing. */
  @Override
  public boolean accepts(String type) {
    return type.startsWith("io.gatehouse." + Service.APPROVAL.id() + ".")
        || type.startsWith("io.gatehouse." + Service.VALIDATION.id() + ".");
  }

  @Override
  public void consume(ConsumedEvent event) {
    if (!(event.payload() instanceof ModelVersionEvent e)) {
      return;
    }
    if (!event.type().startsWith("io.gatehouse." + Service.APPROVAL.id() + ".")
        && !event.type().startsWith("io.gatehouse." + Service.VALIDATION.id() + ".")) {
      return;
    }
    if (e instanceof ModelRolledBack r) {
      standings.update(r.modelName(), r.fromVersion(), s -> s.leave(r.stage()));
      standings.update(r.modelName(), r.toVersion(), s -> s.enter(r.stage(), "general"));
      commands.sendAndWait(new FollowStageGrant(r.modelName(), r.toVersion(), r.stage(), r.fromVersion(), r.caseId()));
    } else if (e instanceof ModelPromoted p) {
      standings.update(p.modelName(), p.version(), s -> s.apply(p));
      if (p.demotedVersion() != null) {
        standings.update(p.modelName(), p.demotedVersion(), s -> s.leave(p.stage()));
      }
      commands.sendAndWait(new FollowStageGrant(p.modelName(), p.version(), p.stage(), p.demotedVersion(),
          p.caseId()));
    } else {
      standings.update(e.modelName(), e.version(), s -> s.apply(e));
    }
  }
}
