package io.gatehouse.audit.auditlog.web;

import io.gatehouse.audit.auditlog.infra.AuditLogQueries;
import io.gatehouse.contracts.EventJson;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/audit}: the audit log in order, filtered by model, paged by sequence. */
@RestController
@RequestMapping("/api/v1/audit")
@Validated
public class AuditController {

  private final AuditLogQueries queries;

  public AuditController(AuditLogQueries queries) {
    this.queries = queries;
  }

  /** One audit entry: the CloudEvent's attributes, who acted, and its data. */
  public record AuditEntryView(long sequence, String id, String type, String source, String subject,
      Instant time, String actor, String traceparent, JsonNode data) {}

  /** A page of entries; pass {@code next} as {@code after} for the following page (null at the end). */
  public record AuditPage(List<AuditEntryView> entries, Long next) {}

  @GetMapping
  public AuditPage find(
      @RequestParam(required = false) @Size(min = 1, max = 256) String model,
      @RequestParam(defaultValue = "0") @Min(0) long after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    List<AuditEntryView> entries = queries.find(model, after, limit).stream()
        .map(e -> new AuditEntryView(e.sequence(), e.id(), e.type(), e.source(), e.subject(), e.time(),
            e.actor(), e.traceparent(), EventJson.mapper().readTree(e.data())))
        .toList();
    Long next = entries.size() == limit ? entries.get(entries.size() - 1).sequence() : null;
    return new AuditPage(entries, next);
  }
}
