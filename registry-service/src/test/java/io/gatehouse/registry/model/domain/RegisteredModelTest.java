package io.gatehouse.registry.model.domain;

import static io.gatehouse.registry.model.domain.Fixtures.CLOCK;
import static io.gatehouse.registry.model.domain.Fixtures.CREDIT;
import static io.gatehouse.registry.model.domain.Fixtures.NOW;
import static io.gatehouse.registry.model.domain.Fixtures.register;
import static io.gatehouse.registry.model.domain.Fixtures.registered;

import io.gatehouse.contracts.registry.ModelAliasDeleted;
import io.gatehouse.contracts.registry.ModelAliasSet;
import io.gatehouse.contracts.registry.ModelDeleted;
import io.gatehouse.contracts.registry.ModelDescriptionUpdated;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.ModelTagDeleted;
import io.gatehouse.contracts.registry.ModelTagSet;
import io.gatehouse.contracts.registry.RiskTierAssigned;
import io.gatehouse.contracts.registry.Tag;
import io.gatehouse.registry.model.api.AssignRiskTier;
import io.gatehouse.registry.model.api.DeleteModelAlias;
import io.gatehouse.registry.model.api.DeleteModelTag;
import io.gatehouse.registry.model.api.RegisterModel;
import io.gatehouse.registry.model.api.SetModelTag;
import io.gatehouse.registry.model.api.UpdateModelDescription;
import io.gatehouse.registry.model.api.VersionAllocated;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegisteredModelTest {

  private AggregateTestFixture<RegisteredModel> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(RegisteredModel.class);
    fixture.registerInjectableResource(CLOCK);
  }

  @Test
  void registersWithTheTierDerivedFromItsRiskProfile() {
    fixture.givenNoPriorActivity()
        .when(register("credit-scorer", CREDIT))
        .expectSuccessfulHandlerExecution()
        .expectEvents(registered("credit-scorer", "HIGH"));
  }

  @Test
  void refusesAnInvalidModelName() {
    fixture.givenNoPriorActivity()
        .when(register("-bad name!", CREDIT))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("letters, digits"))
        .expectNoEvents();
  }

  @Test
  void refusesADuplicateName() {
    fixture.given(registered("credit-scorer", "HIGH"))
        .when(register("credit-scorer", CREDIT))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage("Registered Model (name=credit-scorer) already exists.")
        .expectNoEvents();
  }

  @Test
  void refusesAModelWithoutOwnerTeamOrRiskProfile() {
    fixture.givenNoPriorActivity()
        .when(new RegisterModel("credit-scorer", null, " ", List.of(), CREDIT, "alice"))
        .expectException(RegistryRuleViolation.class).expectNoEvents();
    fixture.givenNoPriorActivity()
        .when(new RegisterModel("credit-scorer", null, "risk-ml", List.of(), null, "alice"))
        .expectException(RegistryRuleViolation.class).expectNoEvents();
  }

  @Test
  void refusesATagKeyThatEscapesAPath() {
    fixture.givenNoPriorActivity()
        .when(new RegisterModel("credit-scorer", null, "risk-ml", List.of(new Tag("../etc", "x")), CREDIT, "alice"))
        .expectException(RegistryRuleViolation.class).expectNoEvents();
  }

  @Test
  void registersADeletedNameAgainAndKeepsCountingVersions() {
    fixture.given(registered("credit-scorer", "HIGH"), new VersionAllocated("credit-scorer", 1),
            new io.gatehouse.registry.model.api.VersionRemoved("credit-scorer", 1),
            new ModelDeleted("credit-scorer", "alice", NOW))
        .when(register("credit-scorer", CREDIT))
        .expectEvents(registered("credit-scorer", "HIGH"))
        .expectState(m -> org.assertj.core.api.Assertions.assertThat(m.lastVersion()).isEqualTo(1));
  }

  @Test
  void aBoardMemberOverridesTheTierWithAJustification() {
    fixture.given(registered("credit-scorer", "HIGH"))
        .when(new AssignRiskTier("credit-scorer", "CRITICAL", "feeds automated limit cuts", "rita", Set.of("MODEL_RISK")))
        .expectEvents(new RiskTierAssigned("credit-scorer", "HIGH", "CRITICAL", "feeds automated limit cuts", "rita", NOW));
  }

  @Test
  void refusesATierOverrideByAnotherRole() {
    fixture.given(registered("credit-scorer", "HIGH"))
        .when(new AssignRiskTier("credit-scorer", "LOW", "it is fine", "alice", Set.of("ENGINEERING", "PLATFORM")))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("GOVERNANCE_ADMIN or MODEL_RISK"))
        .expectNoEvents();
  }

  @Test
  void refusesATierOverrideWithoutJustification() {
    fixture.given(registered("credit-scorer", "HIGH"))
        .when(new AssignRiskTier("credit-scorer", "LOW", " ", "gina", Set.of("GOVERNANCE_ADMIN")))
        .expectException(RegistryRuleViolation.class).expectNoEvents();
  }

  @Test
  void setsAndDeletesTagsDeletingAMissingOneIsANoOp() {
    fixture.given(registered("credit-scorer", "HIGH"))
        .when(new SetModelTag("credit-scorer", "framework", "xgboost", "alice"))
        .expectEvents(new ModelTagSet("credit-scorer", "framework", "xgboost", "alice", NOW));
    fixture.given(registered("credit-scorer", "HIGH"), new ModelTagSet("credit-scorer", "k", "v", "alice", NOW))
        .when(new DeleteModelTag("credit-scorer", "k", "alice"))
        .expectEvents(new ModelTagDeleted("credit-scorer", "k", "alice", NOW));
    fixture.given(registered("credit-scorer", "HIGH"))
        .when(new DeleteModelTag("credit-scorer", "missing", "alice"))
        .expectSuccessfulHandlerExecution().expectNoEvents();
  }

  @Test
  void deletesAnAliasAndIgnoresAMissingOne() {
    fixture.given(registered("credit-scorer", "HIGH"), new VersionAllocated("credit-scorer", 1),
            new ModelAliasSet("credit-scorer", 1, "challenger", null, null, "alice", NOW))
        .when(new DeleteModelAlias("credit-scorer", "challenger", "alice"))
        .expectEvents(new ModelAliasDeleted("credit-scorer", 1, "challenger", "alice", NOW));
    fixture.given(registered("credit-scorer", "HIGH"))
        .when(new DeleteModelAlias("credit-scorer", "nobody", "alice"))
        .expectSuccessfulHandlerExecution().expectNoEvents();
  }

  @Test
  void aDeletedModelTakesNoCommands() {
    fixture.given(registered("credit-scorer", "HIGH"), new ModelDeleted("credit-scorer", "alice", NOW))
        .when(new UpdateModelDescription("credit-scorer", "x", "alice"))
        .expectException(RegistryRuleViolation.class)
        .expectExceptionMessage("Registered Model with name=credit-scorer not found")
        .expectNoEvents();
  }

  @Test
  void updatesTheDescription() {
    fixture.given(registered("credit-scorer", "HIGH"))
        .when(new UpdateModelDescription("credit-scorer", "new words", "alice"))
        .expectEvents(new ModelDescriptionUpdated("credit-scorer", "new words", "alice", NOW));
  }

  static ModelRegistered unused() {
    return null;
  }
}
