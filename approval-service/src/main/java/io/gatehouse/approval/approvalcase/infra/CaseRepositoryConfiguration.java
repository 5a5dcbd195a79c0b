package io.gatehouse.approval.approvalcase.infra;

import io.gatehouse.approval.approvalcase.domain.ApprovalCase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateMetaModelFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The repository of approval cases, named on {@code @Aggregate(repository = ...)} of
 * {@link ApprovalCase}: Axon's command handling, deadline scope and every {@code Repository<ApprovalCase>}
 * injection use it. It is built from the pieces Axon's {@code AggregateConfigurer} would use for its
 * default {@code EventSourcingRepository}, taken from Axon's configuration: the event store, the
 * Spring-aware parameter resolvers and handler definition (command handlers take {@code Clock},
 * {@code DeadlineManager}, {@code PolicyLookup}), the aggregate meta-model factory, the repository
 * provider, the repository span factory, a pessimistic lock per case, no snapshot trigger, and the
 * Spring prototype aggregate factory that Axon registers for the aggregate.
 *
 * <p>{@code gatehouse.approval.case-cache.max-entries} (default 10000) bounds the cache; 0 builds a
 * plain {@code EventSourcingRepository} that reads every case from the event store on every load.
 */
@Configuration(proxyBeanMethods = false)
public class CaseRepositoryConfiguration {

  /** The bean name, as written on {@code @Aggregate(repository = ...)} of {@code ApprovalCase}. */
  public static final String REPOSITORY = "approvalCaseRepository";
  /** The aggregate factory bean Axon's {@code SpringAggregateLookup} registers for the aggregate. */
  static final String AGGREGATE_FACTORY = "approvalCaseAggregateFactory";

  @Bean(REPOSITORY)
  public EventSourcingRepository<ApprovalCase> approvalCaseRepository(
      org.axonframework.config.Configuration axon,
      @Qualifier(AGGREGATE_FACTORY) AggregateFactory<ApprovalCase> aggregateFactory,
      MeterRegistry meters,
      @Value("${gatehouse.approval.case-cache.max-entries:10000}") long maxEntries) {
    return repository(axon, aggregateFactory, meters, maxEntries);
  }

  /**
   * Builds the repository; also used by tests to stand for another instance of the service, with a
   * cache of its own on the same event store.
   */
  public static EventSourcingRepository<ApprovalCase> repository(org.axonframework.config.Configuration axon,
      AggregateFactory<ApprovalCase> aggregateFactory, MeterRegistry meters, long maxEntries) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("gatehouse.approval.case-cache.max-entries must be 0 (off) or more; got "
          + maxEntries);
    }
    ParameterResolverFactory parameters = axon.parameterResolverFactory();
    HandlerDefinition handlers = axon.handlerDefinition(ApprovalCase.class);
    AggregateModel<ApprovalCase> model = axon.getComponent(AggregateMetaModelFactory.class,
            () -> new AnnotatedAggregateMetaModelFactory(parameters, handlers))
        .createModel(ApprovalCase.class, Set.of());
    EventSourcingRepository.Builder<ApprovalCase> builder = EventSourcingRepository.builder(ApprovalCase.class)
        .aggregateModel(model)
        .lockFactory(PessimisticLockFactory.usingDefaults())
        .snapshotTriggerDefinition(NoSnapshotTriggerDefinition.INSTANCE)
        .aggregateFactory(aggregateFactory)
        .repositoryProvider(axon::repository)
        .spanFactory(axon.getComponent(RepositorySpanFactory.class));
    if (maxEntries == 0) {
      return builder.eventStore(axon.eventStore()).build();
    }
    return new ApprovalCaseRepository(builder, axon.eventStore(), new CaffeineCache(maxEntries), meters);
  }
}
