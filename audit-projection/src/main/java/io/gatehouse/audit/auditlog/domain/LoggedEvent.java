package io.gatehouse.audit.auditlog.domain;

import java.time.Instant;

/**
 * A CloudEvent as the audit log records it: its attributes, the acting identity and its JSON data
 * exactly as received.
 */
public record LoggedEvent(String id, String type, String source, String subject, Instant time, String actor,
    byte[] data) {}
