package io.gatehouse.audit.governance.web;

import io.gatehouse.audit.auditlog.infra.LogRefused;
import io.gatehouse.audit.governance.domain.ModelState;
import io.gatehouse.audit.governance.infra.GovernanceQueries;
import io.gatehouse.audit.governance.infra.GovernanceQueries.VersionRow;
import io.gatehouse.audit.governance.infra.ModelHistory;
import io.gatehouse.audit.governance.infra.ViewRebuild;
import io.gatehouse.platform.rules.RuleViolation.Kind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Views for governance boards and the state of a model at an instant, all derived from the audit log. */
@RestController
@RequestMapping("/api/v1")
@Validated
public class GovernanceController {

  private final GovernanceQueries queries;
  private final ModelHistory history;
  private final ViewRebuild rebuild;
  private final JdbcTemplate jdbc;
  private final Clock clock = Clock.systemUTC();

  public GovernanceController(GovernanceQueries queries, ModelHistory history, ViewRebuild rebuild, JdbcTemplate jdbc) {
    this.queries = queries;
    this.history = history;
    this.rebuild = rebuild;
    this.jdbc = jdbc;
  }

  /** A page of versions; pass {@code next} as {@code after} for the following page (null at the end). */
  public record VersionPage(List<VersionRow> versions, String next) {}

  /** Model inventory: tier, status, stages, approval and expiry of every version. */
  @GetMapping("/views/models")
  public VersionPage inventory(@RequestParam(required = false) @Pattern(regexp = "LOW|MEDIUM|HIGH|CRITICAL") String tier,
      @RequestParam(required = false) @Pattern(regexp = "OPEN|APPROVED|REJECTED|CHANGES_REQUESTED|EXPIRED|RETIRED|WITHDRAWN")
      String status,
      @RequestParam(required = false) @Size(min = 1, max = 256) String model,
      @RequestParam(defaultValue = "") @Size(max = 300) @Pattern(regexp = "|.+/[0-9]+") String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    String afterModel = after.isEmpty() ? "" : after.substring(0, after.lastIndexOf('/'));
    int afterVersion = after.isEmpty() ? 0 : Integer.parseInt(after.substring(after.lastIndexOf('/') + 1));
    List<VersionRow> rows = queries.inventory(tier, status, model, afterModel, afterVersion, limit);
    String next = rows.size() == limit ? rows.get(rows.size() - 1).model() + "/" + rows.get(rows.size() - 1).version()
        : null;
    return new VersionPage(rows, next);
  }

  /** Open cases waiting for a role, or for a person (roles they signed for before, cases they have not signed). */
  @GetMapping("/views/reviewer-queues")
  public List<VersionRow> queue(
      @RequestParam(required = false) @Pattern(regexp = "ENGINEERING|PRODUCT|LEGAL|ETHICS|MODEL_RISK") String role,
      @RequestParam(required = false) @Size(min = 1, max = 512) String person,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    if ((role == null) == (person == null)) {
      throw new LogRefused("role-or-person", Kind.INVALID, "Ask for the queue of exactly one of role and person.");
    }
    return queries.queue(role, person, limit);
  }

  @GetMapping("/views/approval-velocity")
  public GovernanceQueries.Velocity velocity() {
    return queries.velocity();
  }

  @GetMapping("/views/gate-failure-rates")
  public List<GovernanceQueries.GateRate> gateFailureRates() {
    return queries.gateFailureRates();
  }

  @GetMapping("/views/drift-incidents")
  public List<GovernanceQueries.DriftRow> drift(@RequestParam(defaultValue = "open") @Pattern(regexp = "open|resolved")
      String state, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return queries.drift(state.equals("open"), limit);
  }

  /** Approvals due for recertification or overdue at {@code at} (default now). */
  @GetMapping("/views/recertifications")
  public List<VersionRow> recertifications(@RequestParam(defaultValue = "due") @Pattern(regexp = "due|overdue")
      String state, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return queries.recertifications(state.equals("overdue"), at == null ? clock.instant() : at, limit);
  }

  /** Break-glass approvals whose review is not done (only the overdue ones with {@code overdue=true}). */
  @GetMapping("/views/break-glass-reviews")
  public List<VersionRow> breakGlassReviews(@RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return queries.breakGlassReviews(overdue, at == null ? clock.instant() : at, limit);
  }

  /** A rebuild's result. */
  public record Rebuilt(long entriesReplayed) {}

  /** Drops every view and rebuilds it by replaying the audit log. */
  @PostMapping("/views/rebuild")
  public Rebuilt rebuild() {
    return new Rebuilt(rebuild.rebuild());
  }

  /** What held for a model at an instant, per version, and the policy in force. */
  public record StateAt(String model, Instant at, long lastLeaf, String tier, Map<String, Integer> stageHolders,
      List<VersionAt> versions, List<Map<String, Object>> policiesInForce) {}

  /** One version at the instant. */
  public record VersionAt(int version, String status, boolean approvalValid, Instant approvedAt, Instant validUntil,
      boolean breakGlass, boolean suspended, String policyName, Integer policyVersion, Map<String, String> stages,
      List<ModelState.SignOff> signOffsStanding, Map<String, ModelState.GateResult> gateResults,
      Map<String, Integer> awaiting) {}

  /** The state of a model at {@code at} (default now), folded from its log entries up to that instant. */
  @GetMapping("/models/{model}/state")
  public StateAt stateAt(@PathVariable @Size(min = 1, max = 256) String model,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
    Instant when = at == null ? clock.instant() : at;
    ModelState s = history.stateAt(model, when);
    if (s == null) {
      throw new LogRefused("unknown-model", Kind.NOT_FOUND, "The audit log has nothing about model " + model
          + " at or before " + when + ".");
    }
    List<VersionAt> versions = s.versions.values().stream().map(v -> new VersionAt(v.version, v.status,
        v.approvalValidAt(when), v.approvedAt, v.validUntil, v.breakGlass, v.suspended, v.policyName, v.policyVersion,
        v.stages, v.signOffs.stream().filter(so -> !so.voided).toList(), v.gates, v.awaiting())).toList();
    List<Map<String, Object>> policies = jdbc.queryForList("""
        SELECT DISTINCT ON (subject_policy) subject_policy AS policy, leaf_index,
               (convert_from(entry, 'UTF8')::jsonb -> 'data' ->> 'policyVersion')::int AS version
        FROM (SELECT split_part(subject, '/', 2) AS subject_policy, leaf_index, entry FROM audit_entry
              WHERE event_type = 'io.gatehouse.approval.PolicyPublished.v1' AND event_time <= ?) p
        ORDER BY subject_policy, leaf_index DESC""", Timestamp.from(when));
    return new StateAt(model, when, s.lastLeaf, s.tier, s.stageHolders, versions, policies);
  }
}
