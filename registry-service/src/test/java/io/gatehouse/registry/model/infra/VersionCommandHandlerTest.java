package io.gatehouse.registry.model.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ModelAliasSet;
import io.gatehouse.contracts.registry.ModelRenamed;
import io.gatehouse.contracts.registry.ModelVersionCreated;
import io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet;
import io.gatehouse.contracts.registry.ModelVersionStageTransitioned;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.contracts.registry.Tag;
import io.gatehouse.registry.model.api.CreateModelVersion;
import io.gatehouse.registry.model.api.DeleteModel;
import io.gatehouse.registry.model.api.DeleteModelVersion;
import io.gatehouse.registry.model.api.FollowStageGrant;
import io.gatehouse.registry.model.api.RegisterModel;
import io.gatehouse.registry.model.api.RenameModel;
import io.gatehouse.registry.model.api.SetModelAlias;
import io.gatehouse.registry.model.api.SetModelVersionTag;
import io.gatehouse.registry.model.api.SubmitModelVersion;
import io.gatehouse.registry.model.api.TransitionStage;
import io.gatehouse.registry.model.domain.GatehouseTags;
import io.gatehouse.registry.model.domain.Grant;
import io.gatehouse.registry.model.domain.ModelVersion;
import io.gatehouse.registry.model.domain.RegisteredModel;
import io.gatehouse.registry.model.domain.RegistryRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's command side as the product wires it (both aggregates and the handler that acts on a
 * model and its versions together), over an event store in memory and a grant table the test fills.
 */
class VersionCommandHandlerTest {

  private static final String SHA = "a".repeat(64);
  private static final RiskProfile CREDIT = new RiskProfile("credit", true, true, false, null);

  private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
  private final Map<String, Grant> grants = new HashMap<>();
  private CommandGateway commands;

  @BeforeEach
  void setUp() {
    EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
        new SimpleResourceParameterResolverFactory(List.of(clock)),
        ClasspathParameterResolverFactory.forClass(RegisteredModel.class));
    EventSourcingRepository<RegisteredModel> models = EventSourcingRepository.builder(RegisteredModel.class)
        .eventStore(store).parameterResolverFactory(resources).build();
    EventSourcingRepository<ModelVersion> versions = EventSourcingRepository.builder(ModelVersion.class)
        .eventStore(store).parameterResolverFactory(resources).build();
    SimpleCommandBus bus = SimpleCommandBus.builder().build();
    AggregateAnnotationCommandHandler.<RegisteredModel>builder().aggregateType(RegisteredModel.class)
        .repository(models).parameterResolverFactory(resources).build().subscribe(bus);
    AggregateAnnotationCommandHandler.<ModelVersion>builder().aggregateType(ModelVersion.class)
        .repository(versions).parameterResolverFactory(resources).build().subscribe(bus);
    new AnnotationCommandHandlerAdapter<>(new VersionCommandHandler(models, versions, store,
        (m, v) -> grants.get(m + "/" + v), Set.of("production", "champion")), resources).subscribe(bus);
    commands = DefaultCommandGateway.builder().commandBus(bus).build();
    commands.sendAndWait(new RegisterModel("fraud", null, "risk-ml", List.of(), CREDIT, "alice"));
  }

  private List<Object> history() {
    return engine.readEvents(null, false).map(m -> (Object) m.getPayload()).toList();
  }

  private int submit() {
    return commands.sendAndWait(new SubmitModelVersion("fraud", new ArtifactRef("s3://m/fraud", SHA, 10), null, null,
        null, List.of("bob"), "alice"));
  }

  private int mlflowCreate(Tag... tags) {
    return commands.sendAndWait(new CreateModelVersion("fraud", "s3://m/fraud/x", "run-1", null, null, List.of(tags),
        "alice"));
  }

  private static Grant promoted(String stage) {
    return new Grant("case-1", "APPROVED", SHA, true, null, List.of(stage), null);
  }

  @Test
  void numbersVersionsFromOneAndNeverGivesANumberTwiceEvenAfterDeletes() {
    assertThat(submit()).isEqualTo(1);
    assertThat(submit()).isEqualTo(2);
    commands.sendAndWait(new DeleteModelVersion("fraud", 2, "alice"));
    assertThat(submit()).isEqualTo(3);
    commands.sendAndWait(new DeleteModel("fraud", "alice"));
    commands.sendAndWait(new RegisterModel("fraud", null, "risk-ml", List.of(), CREDIT, "alice"));
    assertThat(submit()).as("a name registered again continues its numbers").isEqualTo(4);
  }

  @Test
  void aVersionCreatedThroughMlflowWaitsForItsDigestAndTheDigestTagSubmitsIt() {
    int v = mlflowCreate(new Tag("framework", "sklearn"));
    assertThat(history()).hasAtLeastOneElementOfType(ModelVersionCreated.class)
        .noneMatch(e -> e instanceof ModelVersionSubmitted);
    assertThat((Boolean) commands.sendAndWait(new SetModelVersionTag("fraud", v, GatehouseTags.ARTIFACT_SHA256, SHA,
        "alice"))).isTrue();
    ModelVersionSubmitted s = (ModelVersionSubmitted) history().stream()
        .filter(e -> e instanceof ModelVersionSubmitted).findFirst().orElseThrow();
    assertThat(s.artifact()).isEqualTo(new ArtifactRef("s3://m/fraud/x", SHA, 0));
    assertThat(s.riskTier()).isEqualTo("HIGH");
    assertThatThrownBy(() -> commands.sendAndWait(new SetModelVersionTag("fraud", v, GatehouseTags.ARTIFACT_SHA256,
        "b".repeat(64), "alice"))).isInstanceOf(RegistryRuleViolation.class).hasMessageContaining("fixed once submitted");
  }

  @Test
  void aCreateCarryingTheDigestTagIsASubmissionAtOnce() {
    mlflowCreate(new Tag(GatehouseTags.ARTIFACT_SHA256, SHA), new Tag(GatehouseTags.AUTHORS, "bob, carol"));
    ModelVersionSubmitted s = (ModelVersionSubmitted) history().stream()
        .filter(e -> e instanceof ModelVersionSubmitted).findFirst().orElseThrow();
    assertThat(s.authors()).containsExactly("bob", "carol");
    assertThat(s.submittedBy()).isEqualTo("alice");
  }

  private static final String EVALUATION_JSON = """
      {"uri": "https://data.example/fraud/eval.csv", "sha256": "%s", "format": "csv",
       "columns": {"label": "y", "prediction": "y_hat", "score": "p", "groups": ["region"], "features": []}}"""
      .formatted("c".repeat(64));

  @Test
  void theEvaluationDataTagGivesASubmittedVersionItsEvaluationData() {
    int v = submit();
    commands.sendAndWait(new SetModelVersionTag("fraud", v, GatehouseTags.EVALUATION_DATA, EVALUATION_JSON, "bob"));
    ModelVersionEvaluationDataSet set = (ModelVersionEvaluationDataSet) history().stream()
        .filter(e -> e instanceof ModelVersionEvaluationDataSet).findFirst().orElseThrow();
    assertThat(set.evaluationData().columns().groups()).containsExactly("region");
    assertThat(set.setBy()).isEqualTo("bob");
    int before = history().size();
    commands.sendAndWait(new SetModelVersionTag("fraud", v, GatehouseTags.EVALUATION_DATA, EVALUATION_JSON, "bob"));
    assertThat(history().subList(before, history().size())).as("the same value again sets only the tag")
        .allMatch(e -> e instanceof io.gatehouse.contracts.registry.ModelVersionTagSet);
  }

  @Test
  void aCreateCarryingEvidenceTagsSubmitsWithThemOrKeepsThemForTheSubmission() {
    String lineage = """
        {"datasets": [], "codeRepository": "https://git.example/fraud", "codeCommit": "abc123", "parentVersion": null}""";
    mlflowCreate(new Tag(GatehouseTags.ARTIFACT_SHA256, SHA), new Tag(GatehouseTags.EVALUATION_DATA, EVALUATION_JSON),
        new Tag(GatehouseTags.LINEAGE, lineage));
    ModelVersionSubmitted s = (ModelVersionSubmitted) history().stream()
        .filter(e -> e instanceof ModelVersionSubmitted).findFirst().orElseThrow();
    assertThat(s.evaluationData().uri()).isEqualTo("https://data.example/fraud/eval.csv");
    assertThat(s.lineage().codeCommit()).isEqualTo("abc123");
    int waiting = mlflowCreate(new Tag(GatehouseTags.EVALUATION_DATA, EVALUATION_JSON));
    ModelVersionEvaluationDataSet kept = (ModelVersionEvaluationDataSet) history().stream()
        .filter(e -> e instanceof ModelVersionEvaluationDataSet).findFirst().orElseThrow();
    assertThat(kept.modelName()).isEqualTo("fraud");
    assertThat(kept.version()).isEqualTo(waiting);
    commands.sendAndWait(new SetModelVersionTag("fraud", waiting, GatehouseTags.ARTIFACT_SHA256, SHA, "alice"));
    ModelVersionSubmitted later = (ModelVersionSubmitted) history().stream()
        .filter(e -> e instanceof ModelVersionSubmitted m && m.version() == waiting).findFirst().orElseThrow();
    assertThat(later.evaluationData()).isEqualTo(s.evaluationData());
  }

  @Test
  void refusesAnEvaluationDataTagThatIsNotValidEvaluationDataAndRecordsNothing() {
    int v = submit();
    int before = history().size();
    assertThatThrownBy(() -> commands.sendAndWait(new SetModelVersionTag("fraud", v, GatehouseTags.EVALUATION_DATA,
        "{\"uri\": \"https://x\"", "bob"))).isInstanceOf(RegistryRuleViolation.class)
        .hasMessageContaining("Tag gatehouse.evaluation_data must hold a JSON object");
    assertThatThrownBy(() -> commands.sendAndWait(new SetModelVersionTag("fraud", v, GatehouseTags.EVALUATION_DATA,
        EVALUATION_JSON.replace("\"csv\"", "\"parquet\""), "bob"))).isInstanceOf(RegistryRuleViolation.class)
        .hasMessageContaining("format is csv or jsonl");
    assertThatThrownBy(() -> commands.sendAndWait(new SetModelVersionTag("fraud", v, GatehouseTags.EVALUATION_DATA,
        EVALUATION_JSON.replace("\"label\"", "\"lable\""), "bob"))).isInstanceOf(RegistryRuleViolation.class);
    assertThat(history()).hasSize(before);
  }

  @Test
  void refusesAMalformedDigestAndRecordsNothing() {
    int before = history().size();
    assertThatThrownBy(() -> mlflowCreate(new Tag(GatehouseTags.ARTIFACT_SHA256, "ABC")))
        .isInstanceOf(RegistryRuleViolation.class);
    assertThat(history()).hasSize(before);
  }

  @Test
  void promotionToProductionIsRefusedWithoutTheGrantNamingTheCase() {
    int v = submit();
    grants.put("fraud/" + v, new Grant("case-9", "OPEN", null, false, null, List.of(), "gate auc, 2 MODEL_RISK sign-offs"));
    assertThatThrownBy(() -> commands.sendAndWait(new TransitionStage("fraud", v, "production", false, "alice")))
        .isInstanceOf(RegistryRuleViolation.class)
        .hasMessageContaining("case-9").hasMessageContaining("gate auc, 2 MODEL_RISK sign-offs");
    assertThatThrownBy(() -> commands.sendAndWait(new SetModelAlias("fraud", "Champion", v, "alice")))
        .isInstanceOf(RegistryRuleViolation.class).hasMessageContaining("protected");
    grants.put("fraud/" + v, new Grant("case-9", "APPROVED", SHA, true, null, List.of(), null));
    assertThatThrownBy(() -> commands.sendAndWait(new TransitionStage("fraud", v, "Production", false, "alice")))
        .isInstanceOf(RegistryRuleViolation.class).hasMessageContaining("/promotions");
  }

  @Test
  void aWaitingVersionCannotBePromoted() {
    int v = mlflowCreate();
    assertThatThrownBy(() -> commands.sendAndWait(new TransitionStage("fraud", v, "Staging", false, "alice")))
        .isInstanceOf(RegistryRuleViolation.class).hasMessageContaining(GatehouseTags.ARTIFACT_SHA256);
  }

  @Test
  void promotionGoesThroughOnceGrantedAndArchivesTheOthersWhenAsked() {
    int v1 = submit();
    int v2 = submit();
    grants.put("fraud/" + v1, promoted("production"));
    grants.put("fraud/" + v2, promoted("production"));
    commands.sendAndWait(new TransitionStage("fraud", v1, "production", false, "alice"));
    commands.sendAndWait(new TransitionStage("fraud", v2, "PRODUCTION", true, "alice"));
    commands.sendAndWait(new SetModelAlias("fraud", "champion", v2, "alice"));
    assertThat(history()).contains(
        new ModelVersionStageTransitioned("fraud", 1, "None", "Production", "case-1", "alice", at()),
        new ModelVersionStageTransitioned("fraud", 2, "None", "Production", "case-1", "alice", at()),
        new ModelVersionStageTransitioned("fraud", 1, "Production", "Archived", null, "alice", at()),
        new ModelAliasSet("fraud", 2, "champion", null, "case-1", "alice", at()));
  }

  @Test
  void otherStagesAndAliasesNeedNoGrant() {
    int v = submit();
    commands.sendAndWait(new TransitionStage("fraud", v, "Archived", false, "alice"));
    commands.sendAndWait(new SetModelAlias("fraud", "challenger", v, "alice"));
    assertThatThrownBy(() -> commands.sendAndWait(new TransitionStage("fraud", v, "Archived", true, "alice")))
        .isInstanceOf(RegistryRuleViolation.class).hasMessageContaining("archive_existing_versions");
    assertThatThrownBy(() -> commands.sendAndWait(new TransitionStage("fraud", v, "Live", false, "alice")))
        .isInstanceOf(RegistryRuleViolation.class).hasMessageContaining("Invalid Model Version stage: Live");
  }

  @Test
  void approvalServicesPromotionShowsAsTheStageAndDemotesTheHolder() {
    int v1 = submit();
    int v2 = submit();
    commands.sendAndWait(new FollowStageGrant("fraud", v1, "production", null, "case-1"));
    commands.sendAndWait(new FollowStageGrant("fraud", v2, "production", v1, "case-2"));
    assertThat(history()).contains(
        new ModelVersionStageTransitioned("fraud", 1, "None", "Production", "case-1", "service:registry", at()),
        new ModelVersionStageTransitioned("fraud", 2, "None", "Production", "case-2", "service:registry", at()),
        new ModelVersionStageTransitioned("fraud", 1, "Production", "Archived", null, "service:registry", at()));
  }

  @Test
  void renamesOnlyAModelWithoutVersionsAndNeverOntoATakenName() {
    commands.sendAndWait(new RenameModel("fraud", "fraud-eu", "alice"));
    assertThat(history()).contains(new ModelRenamed("fraud", "fraud-eu", "alice", at()));
    assertThat((Integer) commands.sendAndWait(new SubmitModelVersion("fraud-eu", new ArtifactRef("s3://m", SHA, 1),
        null, null, null, List.of(), "alice"))).isEqualTo(1);
    assertThatThrownBy(() -> commands.sendAndWait(new RenameModel("fraud-eu", "fraud-us", "alice")))
        .isInstanceOf(RegistryRuleViolation.class).hasMessageContaining("has versions [1]");
    commands.sendAndWait(new RegisterModel("other", null, "risk-ml", List.of(), CREDIT, "alice"));
    assertThatThrownBy(() -> commands.sendAndWait(new RenameModel("other", "fraud-eu", "alice")))
        .isInstanceOf(RegistryRuleViolation.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> commands.sendAndWait(new SubmitModelVersion("fraud", new ArtifactRef("s3://m", SHA, 1),
        null, null, null, List.of(), "alice"))).isInstanceOf(RegistryRuleViolation.class)
        .hasMessageContaining("Registered Model with name=fraud not found");
  }

  @Test
  void unknownModelAndVersionAreNotFound() {
    assertThatThrownBy(() -> commands.sendAndWait(new SubmitModelVersion("nope", new ArtifactRef("s3://m", SHA, 1),
        null, null, null, List.of(), "alice"))).hasMessage("Registered Model with name=nope not found");
    assertThatThrownBy(() -> commands.sendAndWait(new TransitionStage("fraud", 7, "Archived", false, "alice")))
        .hasMessage("Model Version (name=fraud, version=7) not found");
  }

  private static Instant at() {
    return Instant.parse("2026-11-22T10:00:00Z");
  }
}
