package io.gatehouse.registry.model.infra;

import io.gatehouse.registry.model.api.CompleteSubmission;
import io.gatehouse.registry.model.api.CreateModelVersion;
import io.gatehouse.registry.model.api.DeleteModel;
import io.gatehouse.registry.model.api.DeleteModelVersion;
import io.gatehouse.registry.model.api.FollowStageGrant;
import io.gatehouse.registry.model.api.ModelCarriedOver;
import io.gatehouse.registry.model.api.RenameModel;
import io.gatehouse.registry.model.api.SetModelAlias;
import io.gatehouse.registry.model.api.SetModelVersionTag;
import io.gatehouse.registry.model.api.SubmitModelVersion;
import io.gatehouse.registry.model.api.TransitionStage;
import io.gatehouse.registry.model.domain.Grant;
import io.gatehouse.registry.model.domain.ModelVersion;
import io.gatehouse.registry.model.domain.ModelVersionIds;
import io.gatehouse.registry.model.domain.RegisteredModel;
import io.gatehouse.registry.model.domain.RegistryRuleViolation;
import io.gatehouse.registry.model.domain.Stages;
import io.gatehouse.registry.model.domain.VersionFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Commands that act on a model and one or more of its versions in one unit of work, hence one
 * database transaction: a version number is given out by the model in the same transaction that
 * creates the version, so two concurrent creations get two numbers or one fails, never one number
 * twice. Aggregates are loaded model first, then versions in ascending order, so two such commands
 * never wait on each other in opposite order.
 */
public class VersionCommandHandler {

  private final Repository<RegisteredModel> models;
  private final Repository<ModelVersion> versions;
  private final EventStore events;
  private final GrantLookup grants;
  private final Set<String> protectedAliases;

  public VersionCommandHandler(Repository<RegisteredModel> models, Repository<ModelVersion> versions,
      EventStore events, GrantLookup grants, Set<String> protectedAliases) {
    this.models = models;
    this.versions = versions;
    this.events = events;
    this.grants = grants;
    this.protectedAliases = protectedAliases;
  }

  /** Where the grant of a version comes from (approval-service's events, as the registry keeps them). */
  public interface GrantLookup {
    Grant find(String modelName, int version);
  }

  @CommandHandler
  public int handle(SubmitModelVersion cmd, Clock clock) throws Exception {
    Aggregate<RegisteredModel> model = loadModel(cmd.modelName());
    String tier = model.invoke(RegisteredModel::riskTier);
    int number = model.invoke(RegisteredModel::allocateVersion);
    Instant now = clock.instant();
    versions.newInstance(() -> new ModelVersion(cmd.modelName(), number, cmd.artifact(), cmd.modelCard(),
        cmd.lineage(), cmd.evaluationData(), cmd.authors(), tier, cmd.submittedBy(), now));
    return number;
  }

  @CommandHandler
  public int handle(CreateModelVersion cmd, Clock clock) throws Exception {
    Aggregate<RegisteredModel> model = loadModel(cmd.modelName());
    String tier = model.invoke(RegisteredModel::riskTier);
    int number = model.invoke(RegisteredModel::allocateVersion);
    Instant now = clock.instant();
    versions.newInstance(() -> new ModelVersion(cmd.modelName(), number, cmd.source(), cmd.runId(), cmd.runLink(),
        cmd.description(), cmd.tags(), tier, cmd.createdBy(), now));
    return number;
  }

  @CommandHandler
  public void handle(CompleteSubmission cmd, Clock clock) {
    Aggregate<RegisteredModel> model = loadModel(cmd.modelName());
    String tier = model.invoke(RegisteredModel::riskTier);
    Aggregate<ModelVersion> version = loadVersion(model, cmd.modelName(), cmd.version());
    version.execute(v -> v.completeSubmission(cmd.sha256(), cmd.sizeBytes(), cmd.lineage(), cmd.evaluationData(),
        cmd.authors(), tier, cmd.submittedBy(), clock.instant()));
  }

  @CommandHandler
  public boolean handle(SetModelVersionTag cmd, Clock clock) {
    Aggregate<RegisteredModel> model = loadModel(cmd.modelName());
    String tier = model.invoke(RegisteredModel::riskTier);
    Aggregate<ModelVersion> version = loadVersion(model, cmd.modelName(), cmd.version());
    return version.invoke(v -> v.setTag(cmd.key(), cmd.value(), tier, cmd.setBy(), clock.instant()));
  }

  @CommandHandler
  public void handle(TransitionStage cmd, Clock clock) {
    String stage = Stages.canonical(cmd.stage());
    Aggregate<RegisteredModel> model = loadModel(cmd.modelName());
    VersionFacts facts = loadVersion(model, cmd.modelName(), cmd.version()).invoke(ModelVersion::facts);
    Grant grant = Stages.isPromotion(stage) ? grants.find(cmd.modelName(), cmd.version()) : null;
    model.execute(m -> m.transition(facts, stage, cmd.archiveExistingVersions(), grant, cmd.transitionedBy(),
        clock.instant()));
  }

  @CommandHandler
  public void handle(SetModelAlias cmd, Clock clock) {
    Aggregate<RegisteredModel> model = loadModel(cmd.modelName());
    VersionFacts facts = loadVersion(model, cmd.modelName(), cmd.version()).invoke(ModelVersion::facts);
    boolean isProtected = cmd.alias() != null && protectedAliases.contains(cmd.alias().toLowerCase(java.util.Locale.ROOT));
    Grant grant = isProtected ? grants.find(cmd.modelName(), cmd.version()) : null;
    model.execute(m -> m.setAlias(cmd.alias(), facts, isProtected, grant, cmd.setBy(), clock.instant()));
  }

  @CommandHandler
  public void handle(DeleteModelVersion cmd, Clock clock) {
    Aggregate<RegisteredModel> model = loadModel(cmd.modelName());
    Aggregate<ModelVersion> version = loadVersion(model, cmd.modelName(), cmd.version());
    Instant now = clock.instant();
    version.execute(v -> v.delete(cmd.deletedBy(), now));
    model.execute(m -> m.removeVersion(cmd.version(), cmd.deletedBy(), now));
  }

  @CommandHandler
  public void handle(DeleteModel cmd, Clock clock) {
    Aggregate<RegisteredModel> model = loadModel(cmd.modelName());
    Instant now = clock.instant();
    for (int number : model.invoke(RegisteredModel::liveVersions)) {
      loadVersion(model, cmd.modelName(), number).execute(v -> v.delete(cmd.deletedBy(), now));
      model.execute(m -> m.removeVersion(number, cmd.deletedBy(), now));
    }
    model.execute(m -> m.delete(cmd.deletedBy(), now));
  }

  @CommandHandler
  public void handle(RenameModel cmd, Clock clock) throws Exception {
    if (cmd.modelName().equals(cmd.newName())) {
      throw RegistryRuleViolation.invalid("rename-same-name", "The new name is the model's name already.");
    }
    Aggregate<RegisteredModel> model = loadModel(cmd.modelName());
    io.gatehouse.registry.model.domain.ModelNames.check(cmd.newName());
    Aggregate<RegisteredModel> target = events.lastSequenceNumberFor(cmd.newName()).isPresent()
        ? models.load(cmd.newName()) : null;
    if (target != null && target.invoke(RegisteredModel::isLive)) {
      throw RegistryRuleViolation.invalid("model-exists", "Registered Model (name=" + cmd.newName() + ") already exists.");
    }
    int targetLast = target == null ? 0 : target.invoke(RegisteredModel::lastVersion);
    ModelCarriedOver carried = model.invoke(m -> m.renameTo(cmd.newName(), targetLast, cmd.renamedBy(), clock.instant()));
    if (target == null) {
      models.newInstance(RegisteredModel::unregistered, a -> a.execute(m -> m.receive(carried)));
    } else {
      target.execute(m -> m.receive(carried));
    }
  }

  @CommandHandler
  public void handle(FollowStageGrant cmd, Clock clock) {
    if (events.lastSequenceNumberFor(cmd.modelName()).isEmpty()) {
      return;
    }
    Aggregate<RegisteredModel> model = models.load(cmd.modelName());
    model.execute(m -> m.followGrant(cmd.version(), cmd.stage(), cmd.leavingVersion(), cmd.caseId(),
        "service:registry", clock.instant()));
  }

  private Aggregate<RegisteredModel> loadModel(String name) {
    if (name == null || events.lastSequenceNumberFor(name).isEmpty()) {
      throw RegistryRuleViolation.modelNotFound(name);
    }
    Aggregate<RegisteredModel> model = models.load(name);
    if (!model.invoke(RegisteredModel::isLive)) {
      throw RegistryRuleViolation.modelNotFound(name);
    }
    return model;
  }

  private Aggregate<ModelVersion> loadVersion(Aggregate<RegisteredModel> model, String name, int number) {
    if (!model.invoke(m -> m.hasVersion(number))) {
      throw RegistryRuleViolation.versionNotFound(name, number);
    }
    return versions.load(ModelVersionIds.of(name, number));
  }
}
