package io.gatehouse.registry.model.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.contracts.registry.ModelAliasDeleted;
import io.gatehouse.contracts.registry.ModelAliasSet;
import io.gatehouse.contracts.registry.ModelDeleted;
import io.gatehouse.contracts.registry.ModelDescriptionUpdated;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.ModelRenamed;
import io.gatehouse.contracts.registry.ModelTagDeleted;
import io.gatehouse.contracts.registry.ModelTagSet;
import io.gatehouse.contracts.registry.ModelVersionStageTransitioned;
import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.contracts.registry.RiskTierAssigned;
import io.gatehouse.contracts.registry.Tag;
import io.gatehouse.registry.model.api.AssignRiskTier;
import io.gatehouse.registry.model.api.DeleteModelAlias;
import io.gatehouse.registry.model.api.DeleteModelTag;
import io.gatehouse.registry.model.api.ModelCarriedOver;
import io.gatehouse.registry.model.api.RegisterModel;
import io.gatehouse.registry.model.api.SetModelTag;
import io.gatehouse.registry.model.api.UpdateModelDescription;
import io.gatehouse.registry.model.api.VersionAllocated;
import io.gatehouse.registry.model.api.VersionRemoved;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A registered model. It gives out its version numbers (1, 2, 3, ... in creation order, never twice,
 * not even after a version or the whole model was deleted and the name registered again), and it holds
 * what MLflow keeps per model: tags, aliases, and which stage each version is in, so that moving an
 * alias or a stage is atomic per model.
 */
@Aggregate
public class RegisteredModel {

  public static final Set<String> TIER_OVERRIDE_ROLES = Set.of("GOVERNANCE_ADMIN", "MODEL_RISK");

  @AggregateIdentifier
  private String name;
  private boolean live;
  private String riskTier;
  private int lastVersion;
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final Map<String, Integer> aliases = new LinkedHashMap<>();
  private final TreeSet<Integer> liveVersions = new TreeSet<>();
  private final Map<Integer, String> stages = new HashMap<>();
  // kept to carry over on rename
  private String description;
  private String ownerTeam;
  private RiskProfile riskProfile;
  private String registeredBy;
  private Instant registeredAt;

  protected RegisteredModel() {
    // for Axon
  }

  /** A model not registered yet, to take over a renamed one ({@link #receive}). */
  public static RegisteredModel unregistered() {
    return new RegisteredModel();
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RegisterModel cmd, Clock clock) {
    if (live) {
      throw RegistryRuleViolation.conflict("model-exists",
          "Registered Model (name=" + cmd.modelName() + ") already exists.");
    }
    ModelNames.check(cmd.modelName());
    if (cmd.riskProfile() == null) {
      throw RegistryRuleViolation.invalid("risk-profile-required", "A risk profile is required to register a model.");
    }
    if (cmd.riskProfile().domain() == null || cmd.riskProfile().domain().isBlank()) {
      throw RegistryRuleViolation.invalid("risk-profile-domain-required",
          "The risk profile needs its business domain (e.g. credit, hiring, marketing).");
    }
    if (cmd.ownerTeam() == null || cmd.ownerTeam().isBlank()) {
      throw RegistryRuleViolation.invalid("owner-team-required", "A model needs the team that owns it.");
    }
    TextRules.checkDescription(cmd.description());
    Map<String, String> checkedTags = TagRules.toMap(cmd.tags());
    apply(new ModelRegistered(cmd.modelName(), cmd.description(), cmd.ownerTeam(), TagRules.toList(checkedTags),
        cmd.riskProfile(), RiskTiers.derive(cmd.riskProfile()), cmd.registeredBy(), clock.instant()));
  }

  @CommandHandler
  public void handle(AssignRiskTier cmd, Clock clock) {
    requireLive();
    if (cmd.roles() == null || cmd.roles().stream().noneMatch(TIER_OVERRIDE_ROLES::contains)) {
      throw RegistryRuleViolation.forbidden("tier-override-role",
          "Only a GOVERNANCE_ADMIN or MODEL_RISK holder may override a model's risk tier.");
    }
    if (!RiskTiers.ALL.contains(cmd.riskTier())) {
      throw RegistryRuleViolation.invalid("risk-tier-invalid",
          "The risk tier is one of LOW, MEDIUM, HIGH, CRITICAL; got '" + cmd.riskTier() + "'.");
    }
    if (cmd.justification() == null || cmd.justification().isBlank()) {
      throw RegistryRuleViolation.invalid("justification-required", "Overriding a risk tier needs a justification.");
    }
    TextRules.checkDescription(cmd.justification());
    if (cmd.riskTier().equals(riskTier)) {
      throw RegistryRuleViolation.conflict("tier-unchanged", "The model's risk tier is " + riskTier + " already.");
    }
    apply(new RiskTierAssigned(name, riskTier, cmd.riskTier(), cmd.justification(), cmd.assignedBy(), clock.instant()));
  }

  @CommandHandler
  public void handle(UpdateModelDescription cmd, Clock clock) {
    requireLive();
    TextRules.checkDescription(cmd.description());
    apply(new ModelDescriptionUpdated(name, cmd.description(), cmd.updatedBy(), clock.instant()));
  }

  @CommandHandler
  public void handle(SetModelTag cmd, Clock clock) {
    requireLive();
    TagRules.check(cmd.key(), cmd.value());
    if (!tags.containsKey(cmd.key())) {
      TagRules.checkCount(tags.size() + 1);
    }
    apply(new ModelTagSet(name, cmd.key(), cmd.value() == null ? "" : cmd.value(), cmd.setBy(), clock.instant()));
  }

  @CommandHandler
  public void handle(DeleteModelTag cmd, Clock clock) {
    requireLive();
    TagRules.checkKey(cmd.key());
    if (tags.containsKey(cmd.key())) {
      apply(new ModelTagDeleted(name, cmd.key(), cmd.deletedBy(), clock.instant()));
    }
  }

  @CommandHandler
  public void handle(DeleteModelAlias cmd, Clock clock) {
    requireLive();
    AliasRules.check(cmd.alias());
    Integer version = aliases.get(cmd.alias());
    if (version != null) {
      apply(new ModelAliasDeleted(name, version, cmd.alias(), cmd.deletedBy(), clock.instant()));
    }
  }

  // Decisions taken together with one or more versions, in one unit of work (see VersionCommandHandler).

  /** Gives out the next version number. */
  public int allocateVersion() {
    requireLive();
    int version = lastVersion + 1;
    apply(new VersionAllocated(name, version));
    return version;
  }

  public String riskTier() {
    requireLive();
    return riskTier;
  }

  public boolean isLive() {
    return live;
  }

  public boolean hasVersion(int version) {
    return live && liveVersions.contains(version);
  }

  public List<Integer> liveVersions() {
    return List.copyOf(liveVersions);
  }

  /** Versions other than {@code version} that are in {@code stage}, lowest first. */
  public List<Integer> versionsIn(String stage, int except) {
    return liveVersions.stream().filter(v -> v != except && stage.equals(stages.get(v))).toList();
  }

  /**
   * Moves a version to a stage. Staging and Production need approval-service's grant
   * ({@link Promotions}); with {@code archiveExisting} the model's other versions in that stage move
   * to Archived.
   */
  public void transition(VersionFacts version, String stage, boolean archiveExisting, Grant grant, String by,
      Instant now) {
    requireLive();
    String target = Stages.canonical(stage);
    requireVersion(version);
    if (archiveExisting && !Stages.isPromotion(target)) {
      throw RegistryRuleViolation.invalid("archive-existing-needs-active-stage",
          "archive_existing_versions may only be true when moving to Staging or Production, not " + target + ".");
    }
    String caseId = Stages.isPromotion(target) ? Promotions.require(version, target, grant) : null;
    moveTo(version.version(), target, caseId, by, now);
    if (archiveExisting) {
      for (int other : versionsIn(target, version.version())) {
        moveTo(other, Stages.ARCHIVED, null, by, now);
      }
    }
  }

  /**
   * Shows the stage approval-service gave {@code version}; {@code leaving} (or null) no longer holds it
   * and moves to Archived. Versions the registry does not know are passed over.
   */
  public void followGrant(int version, String approvalStage, Integer leaving, String caseId, String by, Instant now) {
    String target = Stages.fromApproval(approvalStage);
    if (!live || target == null) {
      return;
    }
    if (liveVersions.contains(version)) {
      moveTo(version, target, caseId, by, now);
    }
    if (leaving != null && leaving != version && liveVersions.contains(leaving) && target.equals(stages.get(leaving))) {
      moveTo(leaving, Stages.ARCHIVED, null, by, now);
    }
  }

  private void moveTo(int version, String target, String caseId, String by, Instant now) {
    String from = stages.getOrDefault(version, Stages.NONE);
    if (!from.equals(target)) {
      apply(new ModelVersionStageTransitioned(name, version, from, target, caseId, by, now));
    }
  }

  /** Points an alias at a version; a protected alias needs the version promoted to production. */
  public void setAlias(String alias, VersionFacts version, boolean isProtected, Grant grant, String by, Instant now) {
    requireLive();
    AliasRules.check(alias);
    requireVersion(version);
    String caseId = isProtected ? Promotions.requireForAlias(version, alias, Stages.PRODUCTION, grant) : null;
    Integer previous = aliases.get(alias);
    if (previous == null || previous != version.version() || caseId != null) {
      apply(new ModelAliasSet(name, version.version(), alias, previous, caseId, by, now));
    }
  }

  public Integer aliasTarget(String alias) {
    return aliases.get(alias);
  }

  /** Forgets a deleted version: its aliases go, its number stays used. */
  public void removeVersion(int version, String by, Instant now) {
    requireLive();
    if (!liveVersions.contains(version)) {
      throw RegistryRuleViolation.versionNotFound(name, version);
    }
    for (Map.Entry<String, Integer> a : new ArrayList<>(aliases.entrySet())) {
      if (a.getValue() == version) {
        apply(new ModelAliasDeleted(name, version, a.getKey(), by, now));
      }
    }
    apply(new VersionRemoved(name, version));
  }

  /** Deletes the model; its versions must have been deleted first. */
  public void delete(String by, Instant now) {
    requireLive();
    if (!liveVersions.isEmpty()) {
      throw new IllegalStateException("delete the versions of " + name + " first");
    }
    apply(new ModelDeleted(name, by, now));
  }

  /**
   * Renames the model: only while it has no live versions, because approvals, audit and deployments
   * know a version by model name and number. Answers what the new name carries over.
   */
  public ModelCarriedOver renameTo(String newName, int targetLastVersion, String by, Instant now) {
    requireLive();
    ModelNames.check(newName);
    if (!liveVersions.isEmpty()) {
      throw RegistryRuleViolation.conflict("rename-with-versions", "Registered Model " + name + " has versions "
          + liveVersions + ": Gatehouse binds approvals, audit and deployments to the model name and version, so "
          + "a model is renamed only while it has no versions. Register a model under the new name instead.");
    }
    apply(new ModelRenamed(name, newName, by, now));
    return new ModelCarriedOver(newName, name, description, ownerTeam, TagRules.toList(tags), riskProfile, riskTier,
        Math.max(lastVersion, targetLastVersion), by, now);
  }

  public int lastVersion() {
    return lastVersion;
  }

  /** Takes over a model renamed to this name (this name is free: new, deleted or renamed away). */
  public void receive(ModelCarriedOver carried) {
    if (live) {
      throw RegistryRuleViolation.invalid("model-exists",
          "Registered Model (name=" + carried.modelName() + ") already exists.");
    }
    apply(carried);
  }

  private void requireLive() {
    if (!live) {
      throw RegistryRuleViolation.modelNotFound(name);
    }
  }

  private void requireVersion(VersionFacts version) {
    if (!version.live() || !liveVersions.contains(version.version())) {
      throw RegistryRuleViolation.versionNotFound(name, version.version());
    }
  }

  @EventSourcingHandler
  void on(ModelRegistered e) {
    startLive(e.modelName(), e.riskTier(), e.description(), e.ownerTeam(), e.riskProfile(), e.registeredBy(),
        e.registeredAt(), e.tags());
  }

  @EventSourcingHandler
  void on(ModelCarriedOver e) {
    startLive(e.modelName(), e.riskTier(), e.description(), e.ownerTeam(), e.riskProfile(), e.registeredBy(),
        e.registeredAt(), e.tags());
    lastVersion = Math.max(lastVersion, e.lastVersion());
  }

  /** A registration and a carry-over both start the name afresh: no aliases, versions or stages yet. */
  private void startLive(String name, String riskTier, String description, String ownerTeam, RiskProfile riskProfile,
      String registeredBy, Instant registeredAt, List<Tag> tags) {
    this.name = name;
    this.live = true;
    this.riskTier = riskTier;
    this.description = description;
    this.ownerTeam = ownerTeam;
    this.riskProfile = riskProfile;
    this.registeredBy = registeredBy;
    this.registeredAt = registeredAt;
    this.tags.clear();
    tags.forEach(t -> this.tags.put(t.key(), t.value()));
    aliases.clear();
    liveVersions.clear();
    stages.clear();
  }

  @EventSourcingHandler
  void on(RiskTierAssigned e) {
    riskTier = e.riskTier();
  }

  @EventSourcingHandler
  void on(ModelDescriptionUpdated e) {
    description = e.description();
  }

  @EventSourcingHandler
  void on(ModelTagSet e) {
    tags.put(e.key(), e.value());
  }

  @EventSourcingHandler
  void on(ModelTagDeleted e) {
    tags.remove(e.key());
  }

  @EventSourcingHandler
  void on(VersionAllocated e) {
    lastVersion = e.version();
    liveVersions.add(e.version());
  }

  @EventSourcingHandler
  void on(VersionRemoved e) {
    liveVersions.remove(e.version());
    stages.remove(e.version());
  }

  @EventSourcingHandler
  void on(ModelAliasSet e) {
    aliases.put(e.alias(), e.version());
  }

  @EventSourcingHandler
  void on(ModelAliasDeleted e) {
    aliases.remove(e.alias());
  }

  @EventSourcingHandler
  void on(ModelVersionStageTransitioned e) {
    if (Stages.NONE.equals(e.toStage())) {
      stages.remove(e.version());
    } else {
      stages.put(e.version(), e.toStage());
    }
  }

  @EventSourcingHandler
  void on(ModelDeleted e) {
    live = false;
  }

  @EventSourcingHandler
  void on(ModelRenamed e) {
    live = false;
  }
}
