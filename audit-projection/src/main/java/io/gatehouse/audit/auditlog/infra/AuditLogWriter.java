package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.audit.auditlog.domain.LoggedEvent;
import io.gatehouse.contracts.ModelEvent;
import io.gatehouse.contracts.ModelVersionEvent;
import io.gatehouse.platform.kafka.BatchEventConsumer;
import io.gatehouse.platform.kafka.ConsumedEvent;
import java.util.List;
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

  public AuditLogWriter(AuditLogStore store) {
    this.store = store;
  }

  @Override
  public void consumeAll(List<ConsumedEvent> events) {
    store.append(events.stream().map(AuditLogWriter::incoming).toList());
  }

  /** The entry of a consumed event. */
  public static IncomingEntry incoming(ConsumedEvent e) {
    String model = e.payload() instanceof ModelEvent m ? m.modelName() : null;
    Integer version = e.payload() instanceof ModelVersionEvent v ? v.version() : null;
    return new IncomingEntry(new LoggedEvent(e.id(), e.type(), e.source(), e.subject(), e.time(), e.actor(), e.data()),
        model, version, e.traceparent(), e.topic(), e.partition(), e.offset());
  }
}
