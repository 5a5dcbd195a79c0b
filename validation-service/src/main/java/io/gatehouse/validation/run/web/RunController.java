package io.gatehouse.validation.run.web;

import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.rules.RuleViolation;
import io.gatehouse.validation.ValidationProperties;
import io.gatehouse.validation.run.infra.RunWorker;
import io.gatehouse.validation.run.infra.Runs;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Validation runs and their reports; re-running a version's validation on request. */
@RestController
@Validated
@RequestMapping("/api/v1")
public class RunController {

  private final Runs runs;
  private final RunWorker worker;
  private final ValidationProperties properties;
  private final Clock clock;

  public RunController(Runs runs, RunWorker worker, ValidationProperties properties, Clock clock) {
    this.runs = runs;
    this.worker = worker;
    this.properties = properties;
    this.clock = clock;
  }

  /** A run as the API shows it; {@code reportUri} once it completed. */
  public record RunView(String runId, String modelName, int version, String trigger, String requestedBy,
      Instant requestedAt, String status, String policyName, Integer policyVersion, String riskTier,
      String dataSha256, Long rowCount, Integer gatesPassed, Integer gatesFailed, String reportUri,
      String reportSha256, Instant completedAt) {}

  @Operation(summary = "A validation run: status, policy version, gate counts, report digest")
  @GetMapping("/runs/{runId}")
  public RunView run(@PathVariable String runId) {
    return view(runs.run(runId).orElseThrow(() -> new NotFound("run-not-found", "No validation run " + runId + ".")));
  }

  @Operation(summary = "The canonical JSON report of a completed run (its sha256 is X-Report-Sha256)")
  @GetMapping(value = "/runs/{runId}/report", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<byte[]> report(@PathVariable String runId) {
    Runs.Run run = runs.run(runId).orElseThrow(() -> new NotFound("run-not-found", "No validation run " + runId + "."));
    return report(run);
  }

  @Operation(summary = "The runs of a version, oldest first")
  @GetMapping("/models/{name}/versions/{version}/runs")
  public List<RunView> runs(@PathVariable String name, @PathVariable @Min(1) int version) {
    return runs.runs(name, version).stream().map(this::view).toList();
  }

  @Operation(summary = "The report of a version's latest completed run")
  @GetMapping(value = "/models/{name}/versions/{version}/report", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<byte[]> latestReport(@PathVariable String name, @PathVariable @Min(1) int version) {
    List<Runs.Run> done = runs.runs(name, version).stream().filter(r -> "DONE".equals(r.status())).toList();
    if (done.isEmpty()) {
      throw new NotFound("report-not-found", "No completed validation run of " + name + " version " + version + ".");
    }
    return report(done.get(done.size() - 1));
  }

  @Operation(summary = "Validate a version again (same data, the policy now in force); 202 with the new run")
  @PostMapping("/models/{name}/versions/{version}/runs")
  public ResponseEntity<RunView> rerun(@PathVariable String name, @PathVariable @Min(1) int version) {
    if (runs.submission(name, version).isEmpty()) {
      throw new NotFound("version-not-found", "validation-service has not seen a submission of " + name
          + " version " + version + ".");
    }
    String runId = "run-" + UUID.randomUUID();
    String actor = ActingContext.current().map(a -> a.actor()).orElse("unknown");
    runs.request(runId, name, version, "requested", actor, clock.instant());
    worker.wakeUp();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(runs.run(runId).orElseThrow()));
  }

  private ResponseEntity<byte[]> report(Runs.Run run) {
    byte[] body = runs.report(run.runId()).orElseThrow(() -> new NotReady(run));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .header("X-Report-Sha256", run.reportSha256())
        .eTag("\"" + run.reportSha256() + "\"")
        .body(body);
  }

  private RunView view(Runs.Run r) {
    String uri = r.reportSha256() == null ? null
        : properties.getPublicBaseUrl().replaceAll("/+$", "") + "/api/v1/runs/" + r.runId() + "/report";
    return new RunView(r.runId(), r.modelName(), r.version(), r.trigger(), r.requestedBy(), r.requestedAt(),
        r.status(), r.policyName(), r.policyVersion(), r.riskTier(), r.dataSha256(), r.rowCount(), r.gatesPassed(),
        r.gatesFailed(), uri, r.reportSha256(), r.completedAt());
  }

  /** 404 with a stable code. */
  static final class NotFound extends RuleViolation {
    NotFound(String code, String message) {
      super(code, Kind.NOT_FOUND, message);
    }
  }

  /** 409: the run has no report yet. */
  static final class NotReady extends RuleViolation {
    NotReady(Runs.Run run) {
      super("report-not-ready", Kind.CONFLICT, "Validation run " + run.runId() + " is " + run.status()
          + "; its report exists once it completed.");
    }
  }
}
