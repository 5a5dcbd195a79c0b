package io.gatehouse.approval.approvalcase.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.approval.approvalcase.domain.ApprovalCase;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.domain.PolicyLookup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class CaseRepositoryConfigurationTest {

  private final Configuration axon = DefaultConfigurer.defaultConfiguration()
      .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
      .registerComponent(Clock.class, c -> Clock.systemUTC())
      .registerComponent(DeadlineManager.class, c -> SimpleDeadlineManager.builder()
          .scopeAwareProvider(new ConfigurationScopeAwareProvider(c)).build())
      .registerComponent(PolicyLookup.class, c -> new PolicyLookup() {
        @Override
        public Policy inForce() {
          throw new UnsupportedOperationException();
        }

        @Override
        public Policy version(String name, int version) {
          throw new UnsupportedOperationException();
        }
      })
      .buildConfiguration();

  @Test
  void aBoundAboveZeroBuildsTheCachingRepository() {
    EventSourcingRepository<ApprovalCase> repository = CaseRepositoryConfiguration.repository(axon,
        new GenericAggregateFactory<>(ApprovalCase.class), new SimpleMeterRegistry(), 5);
    assertThat(repository).isInstanceOf(ApprovalCaseRepository.class);
  }

  @Test
  void zeroTurnsTheCacheOff() {
    EventSourcingRepository<ApprovalCase> repository = CaseRepositoryConfiguration.repository(axon,
        new GenericAggregateFactory<>(ApprovalCase.class), new SimpleMeterRegistry(), 0);
    assertThat(repository).isNotInstanceOf(CachingEventSourcingRepository.class);
  }

  @Test
  void aNegativeBoundIsRefused() {
    assertThatThrownBy(() -> CaseRepositoryConfiguration.repository(axon,
        new GenericAggregateFactory<>(ApprovalCase.class), new SimpleMeterRegistry(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
