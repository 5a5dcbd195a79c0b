package io.gatehouse.approval.rollout.infra;

import io.gatehouse.approval.admission.AdmissionHandler;
import io.gatehouse.approval.approvalcase.domain.ApprovalCase;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.domain.PolicyLookup;
import io.gatehouse.approval.rollout.domain.ModelRollout;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
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
import org.axonframework.test.deadline.StubDeadlineManager;

/**
 * approval-service's command side as the product wires it (the case aggregate, the rollout aggregate,
 * the rollout and admission handlers, on one command bus), over an event store held in memory, with a
 * clock the test moves. Deadlines are recorded, not fired.
 */
final class Harness {

  final MutableClock clock;
  final EmbeddedEventStore store;
  final CommandGateway commands;
  private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();

  Harness(Instant start, Policy policy) {
    clock = new MutableClock(start);
    store = EmbeddedEventStore.builder().storageEngine(engine).build();
    PolicyLookup policies = new PolicyLookup() {
      @Override
      public Policy inForce() {
        return policy;
      }

      @Override
      public Policy version(String name, int version) {
        return policy;
      }
    };
    ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
        new SimpleResourceParameterResolverFactory(List.of(clock, new StubDeadlineManager(), policies)),
        ClasspathParameterResolverFactory.forClass(ApprovalCase.class));
    EventSourcingRepository<ApprovalCase> cases = EventSourcingRepository.builder(ApprovalCase.class)
        .eventStore(store).parameterResolverFactory(resources).build();
    EventSourcingRepository<ModelRollout> rollouts = EventSourcingRepository.builder(ModelRollout.class)
        .eventStore(store).parameterResolverFactory(resources).build();
    SimpleCommandBus bus = SimpleCommandBus.builder().build();
    AggregateAnnotationCommandHandler.<ApprovalCase>builder().aggregateType(ApprovalCase.class).repository(cases)
        .parameterResolverFactory(resources).build().subscribe(bus);
    new AnnotationCommandHandlerAdapter<>(new RolloutCommandHandler(cases, rollouts, policies, store,
        new SimpleMeterRegistry()), resources).subscribe(bus);
    new AnnotationCommandHandlerAdapter<>(new AdmissionHandler(cases, rollouts, store, new SimpleMeterRegistry()),
        resources).subscribe(bus);
    commands = DefaultCommandGateway.builder().commandBus(bus).build();
  }

  /** Every event of every aggregate, in the order they were stored. */
  List<Object> history() {
    return engine.readEvents(null, false).map(m -> (Object) m.getPayload()).toList();
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant t) {
      now = t;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
