package io.gatehouse.registry.model.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.registry.model.api.RegisterModel;
import io.gatehouse.registry.model.api.SubmitModelVersion;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A registered model. It numbers its versions: a number is given once and never reused, so the
 * version numbers of one model are 1, 2, 3, ... in submission order.
 */
@Aggregate
public class RegisteredModel {

  @AggregateIdentifier
  private String name;
  private String riskTier;
  private int lastVersion;

  protected RegisteredModel() {
    // for Axon
  }

  @CommandHandler
  public RegisteredModel(RegisterModel cmd, Clock clock) {
    ModelNames.check(cmd.modelName());
    if (cmd.riskProfile() == null) {
      throw new InvalidSubmission("risk-profile-required", "A risk profile is required to register a model.");
    }
    apply(new ModelRegistered(cmd.modelName(), cmd.description(), cmd.ownerTeam(),
        cmd.tags() == null ? List.of() : List.copyOf(cmd.tags()), cmd.riskProfile(),
        RiskTiers.derive(cmd.riskProfile()), cmd.registeredBy(), clock.instant()));
  }

  @CommandHandler
  public int handle(SubmitModelVersion cmd, Clock clock) {
    ArtifactRules.check(cmd.artifact());
    int version = lastVersion + 1;
    apply(new ModelVersionSubmitted(name, version, cmd.artifact(), cmd.modelCard(), cmd.lineage(),
        cmd.evaluationData(), riskTier, cmd.submittedBy(),
        cmd.authors() == null ? List.of() : List.copyOf(cmd.authors()), clock.instant()));
    return version;
  }

  @EventSourcingHandler
  void on(ModelRegistered e) {
    name = e.modelName();
    riskTier = e.riskTier();
  }

  @EventSourcingHandler
  void on(ModelVersionSubmitted e) {
    lastVersion = e.version();
  }
}
