package io.gatehouse.registry.model.domain;

import static io.gatehouse.registry.model.domain.Fixtures.CLOCK;
import static io.gatehouse.registry.model.domain.Fixtures.CREDIT;
import static io.gatehouse.registry.model.domain.Fixtures.SHA;
import static io.gatehouse.registry.model.domain.Fixtures.register;
import static io.gatehouse.registry.model.domain.Fixtures.registered;
import static io.gatehouse.registry.model.domain.Fixtures.submit;
import static io.gatehouse.registry.model.domain.Fixtures.submitted;

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
        .expectException(InvalidSubmission.class)
        .expectNoEvents();
  }

  @Test
  void numbersVersionsInSubmissionOrderFromOne() {
    fixture.given(registered("credit-scorer", "HIGH"))
        .when(submit("credit-scorer", SHA))
        .expectResultMessagePayload(1)
        .expectEvents(submitted("credit-scorer", 1, "HIGH"));
  }

  @Test
  void neverReusesAVersionNumber() {
    fixture.given(registered("credit-scorer", "HIGH"), submitted("credit-scorer", 1, "HIGH"),
            submitted("credit-scorer", 2, "HIGH"))
        .when(submit("credit-scorer", SHA))
        .expectResultMessagePayload(3)
        .expectEvents(submitted("credit-scorer", 3, "HIGH"));
  }

  @Test
  void refusesAMalformedArtifactDigest() {
    fixture.given(registered("credit-scorer", "HIGH"))
        .when(submit("credit-scorer", "ABC"))
        .expectException(InvalidSubmission.class)
        .expectNoEvents();
  }
}
