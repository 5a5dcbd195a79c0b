package io.gatehouse.approval.approvalcase.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.approval.ApprovalIntegration;
import io.gatehouse.approval.approvalcase.api.RecordSignOff;
import io.gatehouse.approval.approvalcase.domain.ApprovalCase;
import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Import;

/**
 * The cache of approval cases in the running service: a case this instance holds is not read from
 * the event store again, and a case another instance changed meanwhile is read again rather than
 * used stale. The other instance is a second repository built like the service's, with a cache of
 * its own, on the same event store and database.
 */
@Import(CaseCacheIT.Reads.class)
class CaseCacheIT extends ApprovalIntegration {

  @Autowired
  MeterRegistry meters;
  @Autowired
  org.axonframework.config.Configuration axon;
  @Autowired
  @Qualifier(CaseRepositoryConfiguration.AGGREGATE_FACTORY)
  AggregateFactory<ApprovalCase> aggregateFactory;
  @Autowired
  TransactionManager transactionManager;
  @Autowired
  @Qualifier(CaseRepositoryConfiguration.REPOSITORY)
  Repository<ApprovalCase> repository;
  @Autowired
  Repository<ApprovalCase> injected;
  @Autowired
  Reads reads;

  @Test
  void commandsDeadlinesAndInjectedRepositoriesUseTheCachingRepository() {
    assertThat(repository).isInstanceOf(ApprovalCaseRepository.class);
    assertThat(injected).as("what AdmissionHandler and RolloutCommandHandler get").isSameAs(repository);
    assertThat(axon.repository(ApprovalCase.class)).as("Axon's aggregate configuration").isSameAs(repository);
    assertThat(new ConfigurationScopeAwareProvider(axon)
        .provideScopeAwareStream(new AggregateScopeDescriptor(ApprovalCase.class.getSimpleName(), "any"))
        .filter(scopeAware -> scopeAware.canResolve(
            new AggregateScopeDescriptor(ApprovalCase.class.getSimpleName(), "any"))))
        .as("where deadline handlers load their case").containsExactly(repository);
  }

  @Test
  void aCaseThisInstanceHoldsIsNotReadFromTheEventStoreAgain() throws Exception {
    String caseId = CaseIds.of("cached", 1);
    submit("cached", 1);
    awaitStatus(caseId, "OPEN");
    Outcomes before = outcomes();
    int readsBefore = reads.of(caseId);

    assertThat(signOff(caseId, "erin", "ENGINEERING", "APPROVE").statusCode()).isEqualTo(202);
    assertThat(signOff(caseId, "pat", "PRODUCT", "APPROVE").statusCode()).isEqualTo(202);
    assertThat(outcomes().since(before)).as("cached since it opened").isEqualTo(new Outcomes(2, 0, 0));
    assertThat(reads.of(caseId)).as("no snapshot or event read of the case").isEqualTo(readsBefore);

    // A refused command rolls back, and the rollback drops the case from the cache: the next one reads it.
    HttpResponse<String> own = signOff(caseId, "alice", "LEGAL", "APPROVE");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
    assertThat(signOff(caseId, "lee", "LEGAL", "APPROVE").statusCode()).isEqualTo(202);
    assertThat(outcomes().since(before)).isEqualTo(new Outcomes(3, 0, 1));
    assertThat(reads.of(caseId)).as("the miss read the snapshot table and the events").isEqualTo(readsBefore + 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> case_(caseId).contains("\"signer\":\"lee\""));
  }

  @Test
  void aCaseAnotherInstanceChangedIsReadAgainNotUsedStale() throws Exception {
    String caseId = CaseIds.of("shared", 1);
    submit("shared", 1);
    awaitStatus(caseId, "OPEN");
    Repository<ApprovalCase> otherInstance =
        CaseRepositoryConfiguration.repository(axon, aggregateFactory, new SimpleMeterRegistry(), 100);
    assertThat(signOff(caseId, "erin", "ENGINEERING", "APPROVE").statusCode()).isEqualTo(202);

    // lee signs for LEGAL on the other instance; this one still holds the case without that sign-off.
    signOn(otherInstance, caseId, "lee", "LEGAL");
    Outcomes before = outcomes();
    HttpResponse<String> secondRole = signOff(caseId, "lee", "ETHICS", "APPROVE", "LEGAL", "ETHICS");
    assertThat(secondRole.statusCode()).as(secondRole.body()).isEqualTo(403);
    assertThat(secondRole.body()).contains("one-role-per-person");
    assertThat(outcomes().since(before)).isEqualTo(new Outcomes(0, 1, 0));

    // The refusal dropped the case; pat's sign-off reads and caches it again, then eve signs elsewhere.
    assertThat(signOff(caseId, "pat", "PRODUCT", "APPROVE").statusCode()).isEqualTo(202);
    signOn(otherInstance, caseId, "eve", "ETHICS");
    before = outcomes();
    HttpResponse<String> next = signOff(caseId, "riley", "MODEL_RISK", "APPROVE");
    assertThat(next.statusCode()).as("appends after the other instance's event, no conflict: " + next.body())
        .isEqualTo(202);
    assertThat(outcomes().since(before)).isEqualTo(new Outcomes(0, 1, 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> case_(caseId).contains("\"awaiting\":{\"MODEL_RISK\":1}"));
    assertThat(case_(caseId)).contains("\"signer\":\"lee\"").contains("\"signer\":\"eve\"");
  }

  /** Handles a sign-off on the other instance's repository, in a transaction of its own. */
  private void signOn(Repository<ApprovalCase> otherInstance, String caseId, String signer, String role)
      throws Exception {
    CommandMessage<RecordSignOff> command = GenericCommandMessage.asCommandMessage(
        new RecordSignOff(caseId, role, "APPROVE", "ok", signer, signer, Set.of(role)));
    DefaultUnitOfWork<CommandMessage<RecordSignOff>> uow = DefaultUnitOfWork.startAndGet(command);
    uow.attachTransaction(transactionManager);
    ResultMessage<Object> result = uow.executeWithResult(() -> otherInstance.load(caseId).handle(command));
    assertThat(result.isExceptional()).as("the other instance's sign-off: %s",
        result.isExceptional() ? result.exceptionResult() : "").isFalse();
  }

  private Outcomes outcomes() {
    return new Outcomes(count("hit"), count("stale"), count("miss"));
  }

  private long count(String outcome) {
    return (long) meters.get(ApprovalCaseRepository.METER).tag("outcome", outcome).counter().count();
  }

  record Outcomes(long hits, long stale, long misses) {
    Outcomes since(Outcomes before) {
      return new Outcomes(hits - before.hits, stale - before.stale, misses - before.misses);
    }
  }

  /** Counts the storage engine's snapshot and event reads per aggregate; the engine still does the work. */
  static class Reads implements BeanPostProcessor {

    private final Map<String, AtomicInteger> byAggregate = new ConcurrentHashMap<>();

    int of(String aggregateId) {
      AtomicInteger n = byAggregate.get(aggregateId);
      return n == null ? 0 : n.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      if (!(bean instanceof EventStorageEngine engine)) {
        return bean;
      }
      return Proxy.newProxyInstance(EventStorageEngine.class.getClassLoader(), new Class<?>[] {EventStorageEngine.class},
          (proxy, method, args) -> {
            if ((method.getName().equals("readEvents") || method.getName().equals("readSnapshot"))
                && args != null && args.length > 0 && args[0] instanceof String aggregateId) {
              byAggregate.computeIfAbsent(aggregateId, id -> new AtomicInteger()).incrementAndGet();
            }
            try {
              return method.invoke(engine, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
