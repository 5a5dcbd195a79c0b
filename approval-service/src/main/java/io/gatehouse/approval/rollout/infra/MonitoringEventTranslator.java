package io.gatehouse.approval.rollout.infra;

import io.gatehouse.approval.rollout.api.RespondToDrift;
import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Turns monitoring's {@code DriftDetected} into the drift response of the drifting version's policy.
 * It runs in the consumer's transaction, so the response and the record of having consumed the
 * signal commit together: a redelivered signal is not answered twice.
 */
@Component
public class MonitoringEventTranslator implements EventConsumer {

  private static final Set<String> ACCEPTED = EventCatalog.typesOf(DriftDetected.class);

  private final CommandGateway commands;

  public MonitoringEventTranslator(CommandGateway commands) {
    this.commands = commands;
  }

  @Override
  public boolean accepts(String type) {
    return ACCEPTED.contains(type);
  }

  @Override
  public void consume(ConsumedEvent event) {
    if (event.payload() instanceof DriftDetected drift) {
      commands.sendAndWait(new RespondToDrift(drift));
    }
  }
}
