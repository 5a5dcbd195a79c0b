package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.contracts.ModelEvent;
import io.gatehouse.contracts.ModelVersionEvent;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Appends every consumed event to the audit log, in the consumer's transaction. */
@Component
public class AuditLogWriter implements EventConsumer {

  private final JdbcTemplate jdbc;

  public AuditLogWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void consume(ConsumedEvent e) {
    String model = e.payload() instanceof ModelEvent m ? m.modelName() : null;
    Integer version = e.payload() instanceof ModelVersionEvent v ? v.version() : null;
    jdbc.update("""
        INSERT INTO audit_entry (event_id, event_type, source, subject, model_name, model_version, event_time,
                                 actor, traceparent, topic, partition_no, offset_no, data)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
        e.id(), e.type(), e.source(), e.subject(), model, version, Timestamp.from(e.time()), e.actor(),
        e.traceparent(), e.topic(), e.partition(), e.offset(), e.data());
  }
}
