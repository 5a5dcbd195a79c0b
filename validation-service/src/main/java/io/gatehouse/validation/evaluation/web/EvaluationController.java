package io.gatehouse.validation.evaluation.web;

import io.gatehouse.platform.rules.RuleViolation;
import io.gatehouse.validation.ValidationProperties;
import io.gatehouse.validation.evaluation.domain.DataEvaluation;
import io.gatehouse.validation.evaluation.domain.EvaluationFailure;
import io.gatehouse.validation.evaluation.domain.Mapping;
import io.gatehouse.validation.gates.domain.GatedReport;
import io.gatehouse.validation.gates.domain.PolicyGates;
import io.gatehouse.validation.gates.infra.PolicyInForce;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evaluates an uploaded predictions file without a model version, for teams trying their data:
 * the body is the file ({@code text/csv} or JSON Lines) with the mapping as query parameters, or a
 * multipart form with a {@code file} part and a JSON {@code mapping} part. Answers with the canonical
 * report (its sha256 in {@code X-Report-Sha256}); with {@code tier} the policy in force's gates of
 * that tier are evaluated too. Nothing is stored and no event is published.
 */
@RestController
@RequestMapping("/api/v1/evaluations")
public class EvaluationController {

  private static final Set<String> TIERS = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

  private final ValidationProperties properties;
  private final PolicyInForce policies;

  public EvaluationController(ValidationProperties properties, PolicyInForce policies) {
    this.properties = properties;
    this.policies = policies;
  }

  /** The mapping as a JSON part of a multipart upload. */
  public record MappingBody(String label, String prediction, String score, List<String> groups,
      List<String> features, Double threshold, String format, String sha256, String tier) {}

  @Operation(summary = "Evaluate a CSV or JSON Lines body; the mapping in query parameters")
  @PostMapping(consumes = {"text/csv", "application/x-ndjson", "application/jsonl", "application/octet-stream"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<byte[]> evaluateBody(HttpServletRequest request,
      @RequestParam(required = false) String label,
      @RequestParam(required = false) String prediction,
      @RequestParam(required = false) String score,
      @RequestParam(name = "group", required = false) List<String> groups,
      @RequestParam(name = "feature", required = false) List<String> features,
      @RequestParam(required = false) Double threshold,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String sha256,
      @RequestParam(required = false) String tier) throws IOException {
    String f = format != null ? format
        : request.getContentType() != null && request.getContentType().startsWith("text/csv") ? "csv"
        : request.getContentType() != null && request.getContentType().contains("json") ? "jsonl" : "csv";
    return evaluate(request.getInputStream(), new MappingBody(label, prediction, score, groups, features, threshold,
        f, sha256, tier));
  }

  @Operation(summary = "Evaluate an uploaded file (multipart: file, and mapping as JSON)")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<byte[]> evaluateUpload(@RequestPart("file") MultipartFile file,
      @RequestPart("mapping") MappingBody mapping) throws IOException {
    try (InputStream in = file.getInputStream()) {
      return evaluate(in, mapping);
    }
  }

  private ResponseEntity<byte[]> evaluate(InputStream in, MappingBody m) throws IOException {
    if (m.label() == null || m.label().isBlank()) {
      throw new Invalid("invalid-mapping", "label is required: the column that holds the true label");
    }
    String format = m.format() == null ? "csv" : m.format();
    if (!format.equals("csv") && !format.equals("jsonl")) {
      throw new Invalid("unsupported-format", "format must be csv or jsonl, not " + format);
    }
    if (m.sha256() != null && !m.sha256().matches("[0-9a-f]{64}")) {
      throw new Invalid("sha256-malformed", "sha256 must be 64 lowercase hexadecimal digits");
    }
    if (m.tier() != null && !TIERS.contains(m.tier())) {
      throw new Invalid("unknown-tier", "tier must be one of LOW, MEDIUM, HIGH, CRITICAL, not " + m.tier());
    }
    Mapping mapping;
    try {
      mapping = Mapping.parse(m.label(), m.prediction(), m.score(), m.groups(), m.features(),
          m.threshold() == null ? Mapping.DEFAULT_THRESHOLD : m.threshold());
    } catch (EvaluationFailure e) {
      throw new Invalid(e.code(), e.getMessage());
    }
    DataEvaluation.Outcome outcome = DataEvaluation.evaluate(in, format, m.sha256(), mapping, properties.options(),
        properties.getMaxDataBytes());
    if (outcome.failed()) {
      throw new Invalid(outcome.failureCode(), outcome.failureMessage());
    }
    PolicyGates policy = m.tier() == null ? null : policies.current();
    GatedReport report = GatedReport.of(outcome, policy, m.tier(), null, null);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .header("X-Report-Sha256", report.sha256())
        .header("X-Data-Sha256", outcome.sha256())
        .body(report.bytes());
  }

  /** 422 with the evaluation's stable code. */
  static final class Invalid extends RuleViolation {
    Invalid(String code, String message) {
      super(code, Kind.INVALID, message);
    }
  }
}
