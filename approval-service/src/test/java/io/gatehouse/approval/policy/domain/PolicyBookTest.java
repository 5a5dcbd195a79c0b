package io.gatehouse.approval.policy.domain;

import io.gatehouse.approval.policy.api.PublishPolicy;
import io.gatehouse.contracts.approval.PolicyPublished;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyBookTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String DOC = "policy: default\nversion: 2\n";
  private static final String SHA = PolicyBook.sha256(DOC);

  private AggregateTestFixture<PolicyBook> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(PolicyBook.class);
    fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void publishesTheFirstVersion() {
    fixture.givenNoPriorActivity()
        .when(new PublishPolicy("default", 1, "v1", "ada"))
        .expectEvents(new PolicyPublished("default", 1, "v1", PolicyBook.sha256("v1"), "ada", NOW));
  }

  @Test
  void publishesTheNextVersion() {
    fixture.given(new PolicyPublished("default", 1, "v1", PolicyBook.sha256("v1"), "ada", NOW))
        .when(new PublishPolicy("default", 2, DOC, "ada"))
        .expectEvents(new PolicyPublished("default", 2, DOC, SHA, "ada", NOW));
  }

  @Test
  void refusesAVersionThatIsNotTheNext() {
    fixture.given(new PolicyPublished("default", 1, "v1", PolicyBook.sha256("v1"), "ada", NOW))
        .when(new PublishPolicy("default", 3, DOC, "ada"))
        .expectException(PolicyVersionConflict.class)
        .expectNoEvents();
    fixture.given(new PolicyPublished("default", 1, "v1", PolicyBook.sha256("v1"), "ada", NOW))
        .when(new PublishPolicy("default", 1, DOC, "ada"))
        .expectException(PolicyVersionConflict.class);
  }
}
