package io.gatehouse.registry.model.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.ModelCardUpdated;
import io.gatehouse.contracts.registry.ModelVersionCreated;
import io.gatehouse.contracts.registry.ModelVersionDeleted;
import io.gatehouse.contracts.registry.ModelVersionDescriptionUpdated;
import io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet;
import io.gatehouse.contracts.registry.ModelVersionLineageSet;
import io.gatehouse.contracts.registry.ModelVersionRetired;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.registry.ModelVersionTagDeleted;
import io.gatehouse.contracts.registry.ModelVersionTagSet;
import io.gatehouse.contracts.registry.Tag;
import io.gatehouse.registry.model.api.DeleteModelVersionTag;
import io.gatehouse.registry.model.api.RetireModelVersion;
import io.gatehouse.registry.model.api.SetEvaluationData;
import io.gatehouse.registry.model.api.SetLineage;
import io.gatehouse.registry.model.api.UpdateModelCard;
import io.gatehouse.registry.model.api.UpdateModelVersionDescription;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One version of a model. Its artifact (URI, sha256, size) is fixed once submitted: other bytes are
 * another version. A version created through MLflow without a digest exists but is not submitted for
 * approval until its digest is given; it cannot be promoted before. Its model card is revised by
 * replacement, each revision numbered. Evaluation data and lineage may be given or replaced later
 * (native API or MLflow tags): evidence about the artifact, which itself stays as submitted.
 */
@Aggregate
public class ModelVersion {

  public static final int MAX_AUTHORS = 50;

  @AggregateIdentifier
  private String id;
  private String modelName;
  private int version;
  private boolean live;
  private String source;
  private ArtifactRef artifact;
  private boolean retired;
  private int cardRevision;
  private ModelCard card;
  private Lineage lineage;
  private EvaluationDataRef evaluationData;
  private List<String> authors = List.of();
  private final Map<String, String> tags = new LinkedHashMap<>();

  protected ModelVersion() {
    // for Axon
  }

  /** A version submitted through the native API: artifact, card, lineage and evaluation data at once. */
  public ModelVersion(String modelName, int version, ArtifactRef artifact, ModelCard card, Lineage lineage,
      EvaluationDataRef evaluationData, List<String> authors, String riskTier, String submittedBy, Instant now) {
    ArtifactRules.check(artifact);
    checkEvidence(card, lineage, evaluationData, authors);
    apply(new ModelVersionSubmitted(modelName, version, artifact, card, lineage, evaluationData, riskTier,
        submittedBy, authors == null ? List.of() : List.copyOf(authors), now));
  }

  /**
   * A version created through the MLflow API. With the digest among its tags it is submitted at once;
   * otherwise it waits for it.
   */
  public ModelVersion(String modelName, int version, String source, String runId, String runLink, String description,
      List<Tag> givenTags, String riskTier, String createdBy, Instant now) {
    ArtifactRules.checkUri(source);
    TextRules.checkDescription(description);
    Map<String, String> checked = TagRules.toMap(givenTags);
    String sha256 = checked.get(GatehouseTags.ARTIFACT_SHA256);
    if (sha256 != null) {
      ArtifactRules.checkSha256(sha256);
    }
    long size = GatehouseTags.size(checked);
    List<String> authorsGiven = GatehouseTags.authors(checked);
    checkAuthors(authorsGiven);
    EvaluationDataRef evaluationGiven = GatehouseTags.evaluationData(checked);
    Lineage lineageGiven = GatehouseTags.lineage(checked);
    apply(new ModelVersionCreated(modelName, version, source, blankToNull(runId), blankToNull(runLink), description,
        TagRules.toList(checked), createdBy, now));
    if (sha256 != null) {
      apply(new ModelVersionSubmitted(modelName, version, new ArtifactRef(source, sha256, size), null, lineageGiven,
          evaluationGiven, riskTier, createdBy, authorsGiven, now));
    } else {
      // named explicitly: during construction Axon applies the events after this constructor returns
      if (evaluationGiven != null) {
        apply(new ModelVersionEvaluationDataSet(modelName, version, evaluationGiven, createdBy, now));
      }
      if (lineageGiven != null) {
        apply(new ModelVersionLineageSet(modelName, version, lineageGiven, createdBy, now));
      }
    }
  }

  /** Gives a waiting version its digest and evidence: it is submitted for approval. */
  public void completeSubmission(String sha256, long sizeBytes, Lineage lineageGiven, EvaluationDataRef evaluation,
      List<String> authorsGiven, String riskTier, String by, Instant now) {
    requireLive();
    ArtifactRules.checkSha256(sha256);
    if (sizeBytes < 0) {
      throw RegistryRuleViolation.invalid("artifact-size-negative", "The artifact size cannot be negative.");
    }
    if (artifact != null) {
      throw RegistryRuleViolation.conflict("artifact-immutable", "Version " + version + " of " + modelName
          + " was submitted already with artifact sha256 " + artifact.sha256()
          + "; an artifact is fixed once submitted: other bytes need a new version.");
    }
    if (retired) {
      throw retiredRefusal();
    }
    Lineage l = lineageGiven != null ? lineageGiven : lineage;
    EvaluationDataRef ev = evaluation != null ? evaluation : evaluationData;
    List<String> a = authorsGiven != null && !authorsGiven.isEmpty() ? authorsGiven : authors;
    checkEvidence(null, l, ev, a);
    apply(new ModelVersionSubmitted(modelName, version, new ArtifactRef(source, sha256, sizeBytes), card, l, ev,
        riskTier, by, List.copyOf(a), now));
  }

  /**
   * Sets a tag. The digest tag submits a waiting version; on a submitted one it must repeat the digest.
   * Answers whether the version was submitted by it.
   */
  public boolean setTag(String key, String value, String riskTier, String by, Instant now) {
    requireLive();
    TagRules.check(key, value);
    String v = value == null ? "" : value;
    if (!tags.containsKey(key)) {
      TagRules.checkCount(tags.size() + 1);
    }
    EvaluationDataRef evaluationGiven = GatehouseTags.evaluationData(Map.of(key, v));
    Lineage lineageGiven = GatehouseTags.lineage(Map.of(key, v));
    if ((evaluationGiven != null || lineageGiven != null) && retired) {
      throw retiredRefusal();
    }
    boolean submits = false;
    if (GatehouseTags.ARTIFACT_SHA256.equals(key)) {
      ArtifactRules.checkSha256(v);
      if (artifact != null && !artifact.sha256().equals(v)) {
        throw RegistryRuleViolation.conflict("artifact-immutable", "Version " + version + " of " + modelName
            + " was submitted with artifact sha256 " + artifact.sha256()
            + "; an artifact is fixed once submitted: other bytes need a new version.");
      }
      submits = artifact == null;
      if (submits && retired) {
        throw retiredRefusal();
      }
    }
    if (GatehouseTags.ARTIFACT_SIZE.equals(key) && artifact != null
        && GatehouseTags.size(Map.of(key, v)) != artifact.sizeBytes()) {
      throw RegistryRuleViolation.conflict("artifact-immutable", "Version " + version + " of " + modelName
          + " was submitted with an artifact of " + artifact.sizeBytes() + " bytes; it is fixed once submitted.");
    }
    apply(new ModelVersionTagSet(modelName, version, key, v, by, now));
    setEvidence(evaluationGiven, lineageGiven, by, now);
    if (submits) {
      apply(new ModelVersionSubmitted(modelName, version,
          new ArtifactRef(source, v, GatehouseTags.size(tags)), card, lineage, evaluationData, riskTier, by,
          authors.isEmpty() ? GatehouseTags.authors(tags) : authors, now));
    }
    return submits;
  }

  @CommandHandler
  public void handle(DeleteModelVersionTag cmd, Clock clock) {
    requireLive();
    TagRules.checkKey(cmd.key());
    if (artifact != null && (GatehouseTags.ARTIFACT_SHA256.equals(cmd.key())
        || GatehouseTags.ARTIFACT_SIZE.equals(cmd.key()))) {
      throw RegistryRuleViolation.conflict("artifact-immutable", "Tag " + cmd.key() + " of version " + version
          + " of " + modelName + " records the submitted artifact, to which approval is bound; it cannot be removed.");
    }
    if (tags.containsKey(cmd.key())) {
      apply(new ModelVersionTagDeleted(modelName, version, cmd.key(), cmd.deletedBy(), clock.instant()));
    }
  }

  @CommandHandler
  public void handle(UpdateModelVersionDescription cmd, Clock clock) {
    requireLive();
    TextRules.checkDescription(cmd.description());
    apply(new ModelVersionDescriptionUpdated(modelName, version, cmd.description(), cmd.updatedBy(), clock.instant()));
  }

  @CommandHandler
  public int handle(UpdateModelCard cmd, Clock clock) {
    requireLive();
    if (retired) {
      throw retiredRefusal();
    }
    ModelCards.check(cmd.modelCard());
    int revision = cardRevision + 1;
    apply(new ModelCardUpdated(modelName, version, revision, cmd.modelCard(),
        ModelCards.missingSections(cmd.modelCard(), cmd.requiredSections()), cmd.updatedBy(), clock.instant()));
    return revision;
  }

  /**
   * Gives or replaces the evaluation data validation computes metrics from (checked as at submission).
   * The artifact stays as submitted; the same reference again changes nothing.
   */
  @CommandHandler
  public void handle(SetEvaluationData cmd, Clock clock) {
    requireEvidence(cmd.evaluationData(), "evaluation-data-required", "The evaluation data reference is required.");
    LineageRules.check(cmd.evaluationData());
    setEvidence(cmd.evaluationData(), null, cmd.setBy(), clock.instant());
  }

  /** Gives or replaces the lineage (checked as at submission); the same lineage again changes nothing. */
  @CommandHandler
  public void handle(SetLineage cmd, Clock clock) {
    requireEvidence(cmd.lineage(), "lineage-required", "The lineage is required.");
    LineageRules.check(cmd.lineage());
    setEvidence(null, cmd.lineage(), cmd.setBy(), clock.instant());
  }

  /** Evidence goes to a live version that is not retired, and is given. */
  private void requireEvidence(Object given, String code, String message) {
    requireLive();
    if (retired) {
      throw retiredRefusal();
    }
    if (given == null) {
      throw RegistryRuleViolation.invalid(code, message);
    }
  }

  /** Applies evidence given after creation, each part only if it differs from what the version holds. */
  private void setEvidence(EvaluationDataRef evaluation, Lineage lineageGiven, String by, Instant now) {
    if (evaluation != null && !evaluation.equals(evaluationData)) {
      apply(new ModelVersionEvaluationDataSet(modelName, version, evaluation, by, now));
    }
    if (lineageGiven != null && !lineageGiven.equals(lineage)) {
      apply(new ModelVersionLineageSet(modelName, version, lineageGiven, by, now));
    }
  }

  @CommandHandler
  public void handle(RetireModelVersion cmd, Clock clock) {
    requireLive();
    if (retired) {
      throw RegistryRuleViolation.conflict("already-retired", "Version " + version + " of " + modelName
          + " is retired already.");
    }
    if (cmd.reason() == null || cmd.reason().isBlank()) {
      throw RegistryRuleViolation.invalid("reason-required", "Retiring a version needs a reason.");
    }
    TextRules.checkDescription(cmd.reason());
    apply(new ModelVersionRetired(modelName, version, cmd.reason(), cmd.retiredBy(), clock.instant()));
  }

  /** Deletes the version (together with its model's record of it). */
  public void delete(String by, Instant now) {
    requireLive();
    apply(new ModelVersionDeleted(modelName, version, by, now));
  }

  public VersionFacts facts() {
    return new VersionFacts(modelName, version, live, artifact == null ? null : artifact.sha256(), retired);
  }

  private void checkEvidence(ModelCard c, Lineage l, EvaluationDataRef ev, List<String> a) {
    if (c != null) {
      ModelCards.check(c);
    }
    if (l != null) {
      LineageRules.check(l);
    }
    if (ev != null) {
      LineageRules.check(ev);
    }
    checkAuthors(a);
  }

  private static void checkAuthors(List<String> a) {
    if (a != null && a.size() > MAX_AUTHORS) {
      throw RegistryRuleViolation.invalid("too-many-authors", "At most " + MAX_AUTHORS + " authors are named.");
    }
    if (a != null && a.stream().anyMatch(x -> x == null || x.isBlank() || x.length() > 256)) {
      throw RegistryRuleViolation.invalid("author-invalid", "An author is a non-empty identity of at most 256 characters.");
    }
  }

  private RegistryRuleViolation retiredRefusal() {
    return RegistryRuleViolation.conflict("version-retired", "Version " + version + " of " + modelName
        + " is retired: it can no longer be changed, approved or promoted.");
  }

  private void requireLive() {
    if (!live) {
      throw RegistryRuleViolation.versionNotFound(modelName, version);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @EventSourcingHandler
  void on(ModelVersionCreated e) {
    id = ModelVersionIds.of(e.modelName(), e.version());
    modelName = e.modelName();
    version = e.version();
    live = true;
    source = e.source();
    e.tags().forEach(t -> tags.put(t.key(), t.value()));
  }

  @EventSourcingHandler
  void on(ModelVersionSubmitted e) {
    id = ModelVersionIds.of(e.modelName(), e.version());
    modelName = e.modelName();
    version = e.version();
    live = true;
    source = e.artifact().uri();
    artifact = e.artifact();
    lineage = e.lineage();
    evaluationData = e.evaluationData();
    authors = e.authors();
    if (e.modelCard() != null && card == null) {
      card = e.modelCard();
      cardRevision = Math.max(cardRevision, 1);
    }
  }

  @EventSourcingHandler
  void on(ModelCardUpdated e) {
    card = e.modelCard();
    cardRevision = e.cardRevision();
  }

  @EventSourcingHandler
  void on(ModelVersionEvaluationDataSet e) {
    evaluationData = e.evaluationData();
  }

  @EventSourcingHandler
  void on(ModelVersionLineageSet e) {
    lineage = e.lineage();
  }

  @EventSourcingHandler
  void on(ModelVersionTagSet e) {
    tags.put(e.key(), e.value());
  }

  @EventSourcingHandler
  void on(ModelVersionTagDeleted e) {
    tags.remove(e.key());
  }

  @EventSourcingHandler
  void on(ModelVersionRetired e) {
    retired = true;
  }

  @EventSourcingHandler
  void on(ModelVersionDeleted e) {
    live = false;
  }
}
