package io.gatehouse.approval.policy.infra;

import io.gatehouse.approval.policy.api.PublishPolicy;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.domain.PolicyLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The policy new cases open under: the latest published version of {@code default}. On first start
 * the shipped document is published as version 1 (by the service itself).
 */
@Component
public class PolicyInForce implements PolicyLookup {

  public static final String POLICY = "default";
  private static final Logger log = LoggerFactory.getLogger(PolicyInForce.class);

  private final PolicyVersions versions;
  private final CommandGateway commands;
  private final java.util.Map<String, Policy> parsed = new java.util.concurrent.ConcurrentHashMap<>();

  public PolicyInForce(PolicyVersions versions, CommandGateway commands) {
    this.versions = versions;
    this.commands = commands;
  }

  /**
   * The latest version; if none was published yet (a submission consumed before start-up finished),
   * the shipped one is published first, in the caller's transaction.
   */
  public Policy current() {
    if (versions.latest(POLICY).isEmpty()) {
      publishShippedDefaultOnce();
    }
    PolicyVersions.Stored latest = versions.latest(POLICY).orElseThrow();
    // parsing compiles every gate expression: do it once per published document, not per submission
    return parsed.computeIfAbsent(latest.documentSha256(), sha -> PolicyDocuments.parse(latest.document()));
  }

  @Override
  public Policy inForce() {
    return current();
  }

  /** A published version; versions never change once published, so each is parsed once. */
  @Override
  public Policy version(String name, int version) {
    PolicyVersions.Stored stored = versions.version(name, version).orElseThrow(() -> new IllegalStateException(
        "policy " + name + " version " + version + " is not in the policy store"));
    return parsed.computeIfAbsent(stored.documentSha256(), sha -> PolicyDocuments.parse(stored.document()));
  }

  @EventListener(ApplicationReadyEvent.class)
  public void publishShippedDefaultOnce() {
    if (versions.latest(POLICY).isPresent()) {
      return;
    }
    Policy shipped = PolicyDocuments.shippedDefault();
    try {
      commands.sendAndWait(new PublishPolicy(shipped.name(), shipped.version(),
          PolicyDocuments.shippedDefaultDocument(), "service:approval-service"));
      log.info("Published the shipped policy {} version {}", shipped.name(), shipped.version());
    } catch (AggregateStreamCreationException | ConcurrencyException | io.gatehouse.approval.policy.domain.PolicyVersionConflict e) {
      log.debug("Another instance published the shipped policy first", e);
    }
  }
}
