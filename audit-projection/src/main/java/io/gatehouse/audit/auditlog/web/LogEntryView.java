package io.gatehouse.audit.auditlog.web;

import io.gatehouse.audit.auditlog.infra.AuditLogQueries;
import io.gatehouse.contracts.EventJson;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * One audit entry: its leaf index ({@code sequence}), the CloudEvent's attributes, who acted, its data
 * (all read from the leaf), the leaf hash and the leaf itself (base64 of the exact bytes hashed).
 */
public record LogEntryView(long sequence, String id, String type, String source, String subject, Instant time,
    String actor, String traceparent, JsonNode data, String leafHash, String leaf) {

  static LogEntryView of(AuditLogQueries.Entry e) {
    JsonNode event = EventJson.mapper().readTree(e.leaf());
    return new LogEntryView(e.index(), event.path("id").asString(), event.path("type").asString(),
        event.path("source").asString(), event.path("subject").isMissingNode() ? null : event.path("subject").asString(),
        Instant.parse(event.path("time").asString()),
        event.path("actor").isMissingNode() ? null : event.path("actor").asString(), e.traceparent(),
        event.get("data"), Base64.getEncoder().encodeToString(e.leafHash()),
        Base64.getEncoder().encodeToString(e.leaf()));
  }
}
