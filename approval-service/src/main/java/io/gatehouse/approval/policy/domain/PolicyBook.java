package io.gatehouse.approval.policy.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.approval.policy.api.PublishPolicy;
import io.gatehouse.contracts.approval.PolicyPublished;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The versions of one policy. Versions are 1, 2, 3, ... in publication order: a document must carry
 * exactly the next version, so two administrators publishing at once cannot both win.
 */
@Aggregate
public class PolicyBook {

  @AggregateIdentifier
  private String policyName;
  private int lastVersion;

  protected PolicyBook() {
    // for Axon
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(PublishPolicy cmd, Clock clock) {
    if (cmd.policyVersion() != lastVersion + 1) {
      throw new PolicyVersionConflict(cmd.policyName(), cmd.policyVersion(), lastVersion);
    }
    apply(new PolicyPublished(cmd.policyName(), cmd.policyVersion(), cmd.document(), sha256(cmd.document()),
        cmd.publishedBy(), clock.instant()));
  }

  @EventSourcingHandler
  void on(PolicyPublished e) {
    policyName = e.policyName();
    lastVersion = e.policyVersion();
  }

  static String sha256(String document) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
