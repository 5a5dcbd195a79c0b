package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.audit.auditlog.domain.LoggedEvent;
import io.gatehouse.contracts.ModelEvent;
import io.gatehouse.contracts.ModelVersionEvent;
import io.gatehouse.platform.kafka.BatchEventConsumer;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.audit.governance.domain.LoggedFact;
import io.gatehouse.audit.governance.infra.GovernanceViews;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Appends every consumed event to the Merkle log, in the consumer's transaction (before any view sees
 * it); the records of a poll are appended together ({@code gatehouse.kafka.batch-listener}).
 */
@Component
@Order(0)
public class AuditLogWriter implements BatchEventConsumer {

  private final AuditLogStore store;
  private final GovernanceViews views;

  public AuditLogWriter(AuditLogStore store, GovernanceViews views) {
    this.store = store;
    this.views = views;
  }

  /** Appends the events to the log, then applies them to the views, in the consumer's transaction. */
  @Override
  public void consumeAll(List<ConsumedEvent> events) {
    Map<String, ConsumedEvent> byId = new HashMap<>();
    events.forEach(e -> byId.putIfAbsent(e.id(), e));
    List<IncomingEntry> prepared = events.stream().map(AuditLogWriter::incoming).toList();
    AuditLogStore.Result result = store.append(prepared);
    List<LoggedFact> facts = result.appended().stream()
        .map(a -> new LoggedFact(a.index(), a.entry().event().time(), byId.get(a.entry().event().id()).payload()))
        .toList();
    views.apply(facts, result.continuesOwnTail());
  }

  /** The entry of a consumed event. */
  public static IncomingEntry incoming(ConsumedEvent e) {
    String model = e.payload() instanceof ModelEvent m ? m.modelName() : null;
    Integer version = e.payload() instanceof ModelVersionEvent v ? v.version() : null;
    return IncomingEntry.of(new LoggedEvent(e.id(), e.type(), e.source(), e.subject(), e.time(), e.actor(), e.data()),
        model, version, e.traceparent(), e.topic(), e.partition(), e.offset());
  }
}
