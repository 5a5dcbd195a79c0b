package io.gatehouse.approval.rollout.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.approval.admission.AdmissionDecision;
import io.gatehouse.approval.admission.AdmissionHandler;
import io.gatehouse.approval.admission.DecideAdmission;
import io.gatehouse.approval.approvalcase.api.NoteGateResult;
import io.gatehouse.approval.approvalcase.api.OpenCase;
import io.gatehouse.approval.approvalcase.api.RecordSignOff;
import io.gatehouse.approval.approvalcase.domain.ApprovalCase;
import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.gatehouse.approval.approvalcase.domain.CaseRuleViolation;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.domain.PolicyLookup;
import io.gatehouse.approval.policy.domain.Term;
import io.gatehouse.approval.policy.domain.TierPolicy;
import io.gatehouse.approval.rollout.api.PromotionResult;
import io.gatehouse.approval.rollout.api.Promote;
import io.gatehouse.approval.rollout.api.RespondToDrift;
import io.gatehouse.approval.rollout.api.RollBack;
import io.gatehouse.approval.rollout.api.RollbackResult;
import io.gatehouse.approval.rollout.domain.ModelRollout;
import io.gatehouse.approval.rollout.domain.RolloutRuleViolation;
import io.gatehouse.contracts.approval.ApprovalSuspended;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.ModelRolledBack;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.RolloutPaused;
import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.platform.rules.RuleViolation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Promotion, roll-back, drift response and admission across the per-model rollout and the cases of
 * its versions, with the real command handlers and repositories on an event store held in memory (the
 * product's is PostgreSQL; {@code RolloutFlowIT} covers that end to end).
 */
class RolloutScenarioTest {

  private static final String MODEL = "credit-scorer";
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final TierPolicy HIGH = new TierPolicy(List.of(new TierPolicy.Gate("auc", "true")),
      List.of(new RequiredSignOff("ENGINEERING", 1), new RequiredSignOff("MODEL_RISK", 2)), Term.parse("P180D"),
      Term.parse("P30D"), Term.parse("P7D"), List.of(new TierPolicy.RolloutPhase("internal", 0),
          new TierPolicy.RolloutPhase("pilot", 5), new TierPolicy.RolloutPhase("general", 100)),
      new TierPolicy.DriftPolicy(Map.of("psi", new TierPolicy.DriftPolicy.Thresholds(0.1, 0.25)),
          TierPolicy.DriftAction.SUSPEND));
  private static final TierPolicy CRITICAL = new TierPolicy(HIGH.gates(), HIGH.signOffs(), HIGH.approvalValidFor(),
      HIGH.recertifyBefore(), HIGH.breakGlassReviewWithin(), HIGH.rollout(),
      new TierPolicy.DriftPolicy(HIGH.drift().thresholds(), TierPolicy.DriftAction.ROLLBACK));
  private static final Policy POLICY = new Policy("default", 1, Map.of("HIGH", HIGH, "CRITICAL", CRITICAL));

  private final Harness harness = new Harness(T0, POLICY);
  private final Harness.MutableClock clock = harness.clock;
  private final EmbeddedEventStore store = harness.store;
  private final CommandGateway commands = harness.commands;

  private void submit(int version, String tier) {
    commands.sendAndWait(new OpenCase(CaseIds.of(MODEL, version), MODEL, version, sha(version), tier, "default", 1,
        POLICY.forTier(tier), "alice", List.of("bob")));
  }

  private void approve(int version) {
    String id = CaseIds.of(MODEL, version);
    commands.sendAndWait(new NoteGateResult(id, "auc", true, "d".repeat(64), "auc=0.9", null, "run-" + version));
    commands.sendAndWait(new RecordSignOff(id, "ENGINEERING", "APPROVE", null, "erin", "Erin", Set.of("ENGINEERING")));
    commands.sendAndWait(new RecordSignOff(id, "MODEL_RISK", "APPROVE", null, "risk1", "R1", Set.of("MODEL_RISK")));
    commands.sendAndWait(new RecordSignOff(id, "MODEL_RISK", "APPROVE", null, "risk2", "R2", Set.of("MODEL_RISK")));
  }

  private PromotionResult promote(int version, String stage) {
    return commands.sendAndWait(new Promote(MODEL, version, stage, null, "platform"));
  }

  private void toProduction(int version) {
    promote(version, "production");
    promote(version, "production");
    promote(version, "production");
  }

  private static String sha(int version) {
    return Integer.toString(version).repeat(64).substring(0, 64);
  }

  private List<Object> events() {
    return store.readEvents(ModelRollout.idOf(MODEL)).asStream().map(m -> (Object) m.getPayload()).toList();
  }

  private AdmissionDecision admission(int version, String sha, String stage) {
    return commands.sendAndWait(new DecideAdmission(MODEL, version, sha, stage));
  }

  private DriftDetected drift(int version, double psi) {
    return new DriftDetected("drift-" + version, MODEL, version, "income", "PSI", psi, 0.25, "WARN", T0, T0.plusSeconds(60),
        5000, "monitoring", clock.instant());
  }

  @Test
  void refusesPromotionBeforeApprovalNamingWhatTheCaseWaitsFor() {
    submit(1, "HIGH");
    assertThatThrownBy(() -> promote(1, "production"))
        .isInstanceOfSatisfying(CaseRuleViolation.class, e -> {
          assertThat(e.code()).isEqualTo("not-approved");
          assertThat(e.getMessage()).contains("gate auc").contains("2 MODEL_RISK sign-offs");
        });
    assertThat(admission(1, sha(1), "production").reasons()).extracting(AdmissionDecision.Reason::code)
        .containsExactly("not-approved", "stage-not-granted");
  }

  @Test
  void rollsOutThroughThePhasesInOrderAndTheLastStepDemotesTheHolder() {
    submit(1, "HIGH");
    approve(1);
    toProduction(1);
    submit(2, "HIGH");
    approve(2);
    assertThatThrownBy(() -> commands.sendAndWait(new Promote(MODEL, 2, "production", "pilot", "platform")))
        .isInstanceOfSatisfying(RolloutRuleViolation.class, e -> assertThat(e.code()).isEqualTo("phase-order"));
    assertThat(promote(2, "production")).extracting(PromotionResult::phase, PromotionResult::trafficPercent,
        PromotionResult::demotedVersion).containsExactly("internal", 0, null);
    assertThat(admission(2, sha(2), "production").allowed()).isTrue();
    assertThat(promote(2, "production").phase()).isEqualTo("pilot");
    PromotionResult general = promote(2, "production");
    assertThat(general).extracting(PromotionResult::phase, PromotionResult::trafficPercent,
        PromotionResult::demotedVersion).containsExactly("general", 100, 1);
    assertThat(events()).filteredOn(ModelPromoted.class::isInstance).hasSize(6);
    assertThat(admission(1, sha(1), "production").reasons()).extracting(AdmissionDecision.Reason::code)
        .containsExactly("stage-not-granted");
    assertThatThrownBy(() -> promote(2, "production"))
        .isInstanceOfSatisfying(RolloutRuleViolation.class, e -> assertThat(e.code()).isEqualTo("already-in-stage"));
  }

  @Test
  void oneVersionRollsOutAtATime() {
    submit(1, "HIGH");
    approve(1);
    submit(2, "HIGH");
    approve(2);
    promote(1, "production");
    assertThatThrownBy(() -> promote(2, "production"))
        .isInstanceOfSatisfying(RolloutRuleViolation.class, e -> {
          assertThat(e.code()).isEqualTo("rollout-in-progress");
          assertThat(e.getMessage()).contains("Version 1 is rolling out in production (phase internal)");
        });
  }

  @Test
  void stagingIsOneStepAndDemotesItsHolder() {
    submit(1, "HIGH");
    approve(1);
    submit(2, "HIGH");
    approve(2);
    assertThat(promote(1, "staging").demotedVersion()).isNull();
    assertThat(promote(2, "staging")).extracting(PromotionResult::phase, PromotionResult::demotedVersion)
        .containsExactly("general", 1);
  }

  @Test
  void admissionRefusesOtherBytesUnderAnApprovedVersion() {
    submit(1, "HIGH");
    approve(1);
    toProduction(1);
    assertThat(admission(1, sha(1), "production").allowed()).isTrue();
    assertThat(admission(1, "f".repeat(64), "production").reasons()).extracting(AdmissionDecision.Reason::code)
        .containsExactly("other-digest");
    assertThat(admission(9, sha(1), null).reasons()).extracting(AdmissionDecision.Reason::code)
        .containsExactly("unknown-version");
  }

  @Test
  void anExpiredApprovalIsRefusedPromotionAndAdmission() {
    submit(1, "HIGH");
    approve(1);
    clock.set(T0.plus(java.time.Duration.ofDays(181)));
    assertThatThrownBy(() -> promote(1, "staging"))
        .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("approval-expired"));
    assertThat(admission(1, sha(1), null).reasons()).extracting(AdmissionDecision.Reason::code)
        .containsExactly("approval-expired");
  }

  @Test
  void driftAtTheActLevelSuspendsUnderSuspendPolicyAndPromotionIsRefusedUntilReapproved() {
    submit(1, "HIGH");
    approve(1);
    promote(1, "production");
    assertThat((String) commands.sendAndWait(new RespondToDrift(drift(1, 0.12)))).isEqualTo("alert");
    assertThat((String) commands.sendAndWait(new RespondToDrift(drift(1, 0.31)))).isEqualTo("suspended");
    assertThat(store.readEvents(CaseIds.of(MODEL, 1)).asStream().map(m -> m.getPayload()))
        .anySatisfy(p -> assertThat(p).isInstanceOf(ApprovalSuspended.class));
    assertThat(events()).anySatisfy(p -> assertThat(p).isInstanceOf(RolloutPaused.class));
    assertThatThrownBy(() -> promote(1, "production"))
        .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("approval-suspended"));
    assertThat(admission(1, sha(1), "production").reasons()).extracting(AdmissionDecision.Reason::code)
        .containsExactly("approval-suspended");
    // sign-off reopened: the same quorum approves again, and promotion goes on
    String id = CaseIds.of(MODEL, 1);
    commands.sendAndWait(new RecordSignOff(id, "ENGINEERING", "APPROVE", null, "erin", "Erin", Set.of("ENGINEERING")));
    commands.sendAndWait(new RecordSignOff(id, "MODEL_RISK", "APPROVE", null, "risk1", "R1", Set.of("MODEL_RISK")));
    commands.sendAndWait(new RecordSignOff(id, "MODEL_RISK", "APPROVE", null, "risk2", "R2", Set.of("MODEL_RISK")));
    assertThat(promote(1, "production").phase()).isEqualTo("pilot");
  }

  @Test
  void driftUnderRollbackPolicyReturnsProductionToTheLastApprovedVersion() {
    submit(1, "CRITICAL");
    approve(1);
    toProduction(1);
    submit(2, "CRITICAL");
    approve(2);
    toProduction(2);
    assertThat((String) commands.sendAndWait(new RespondToDrift(drift(2, 0.4)))).isEqualTo("rolled-back");
    assertThat(events()).last().isEqualTo(new ModelRolledBack(CaseIds.of(MODEL, 2), MODEL, 2, 1, "production",
        ((ModelRolledBack) events().get(events().size() - 1)).reason(), ApprovalCase.SERVICE_ACTOR, T0));
    assertThat(admission(1, sha(1), "production").allowed()).isTrue();
    assertThat(admission(2, sha(2), "production").allowed()).isFalse();
  }

  @Test
  void rollBackSkipsEarlierVersionsWhoseApprovalNoLongerStands() {
    for (int v = 1; v <= 3; v++) {
      submit(v, "HIGH");
      approve(v);
      toProduction(v);
    }
    commands.sendAndWait(new RespondToDrift(drift(2, 0.5))); // suspends version 2, which no longer holds production
    RollbackResult result = commands.sendAndWait(new RollBack(MODEL, "production", "complaints", "platform"));
    assertThat(result).extracting(RollbackResult::fromVersion, RollbackResult::toVersion).containsExactly(3, 1);
    assertThatThrownBy(() -> commands.sendAndWait(new RollBack(MODEL, "production", "again", "platform")))
        .isInstanceOfSatisfying(RuleViolation.class, e -> {
          assertThat(e.code()).isEqualTo("no-approved-version-to-roll-back-to");
        });
  }
}
