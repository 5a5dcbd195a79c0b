package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.audit.auditlog.domain.LoggedEvent;

/** An event to append, with the columns the audit query filters on and where it came from. */
public record IncomingEntry(LoggedEvent event, String modelName, Integer modelVersion, String traceparent,
    String topic, int partition, long offset) {}
