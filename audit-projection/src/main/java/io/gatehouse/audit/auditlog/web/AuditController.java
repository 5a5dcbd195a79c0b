package io.gatehouse.audit.auditlog.web;

import io.gatehouse.audit.auditlog.infra.AuditLogQueries;
import io.gatehouse.audit.auditlog.infra.AuditLogQueries.Filter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit}: the audit log in leaf order, filtered by model, version, actor, event
 * type and time, paged by leaf index.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Validated
public class AuditController {

  private final AuditLogQueries queries;

  public AuditController(AuditLogQueries queries) {
    this.queries = queries;
  }

  /** A page of entries; pass {@code next} as {@code after} for the following page (null at the end). */
  public record AuditPage(List<LogEntryView> entries, Long next) {}

  @GetMapping
  public AuditPage find(
      @RequestParam(required = false) @Size(min = 1, max = 256) String model,
      @RequestParam(required = false) @Min(1) Integer version,
      @RequestParam(required = false) @Size(min = 1, max = 512) String actor,
      @RequestParam(required = false) @Size(min = 1, max = 255) String type,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(defaultValue = "0") @Min(0) long after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    List<LogEntryView> entries = queries.find(new Filter(model, version, actor, type, from, to), after, limit)
        .stream().map(LogEntryView::of).toList();
    Long next = entries.size() == limit ? entries.get(entries.size() - 1).sequence() + 1 : null;
    return new AuditPage(entries, next);
  }
}
