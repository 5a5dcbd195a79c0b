package io.gatehouse.approval.admission;

import io.gatehouse.platform.rules.RuleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Deploy-time admission: {@code GET /api/v1/admission} answers allowed or denied with every reason;
 * {@code POST /api/v1/admission/kubernetes} gives the same decision as a Kubernetes validating
 * admission webhook ({@code admission.k8s.io/v1} AdmissionReview) for workloads annotated with
 * {@value #MODEL}, {@value #VERSION}, {@value #SHA256} and optionally {@value #STAGE}.
 */
@RestController
@RequestMapping("/api/v1/admission")
@Validated
public class AdmissionController {

  public static final String MODEL = "gatehouse.io/model";
  public static final String VERSION = "gatehouse.io/version";
  public static final String SHA256 = "gatehouse.io/sha256";
  public static final String STAGE = "gatehouse.io/stage";
  /** The stage a workload is checked for when it does not name one. */
  public static final String DEFAULT_STAGE = "production";

  private final CommandGateway commands;

  public AdmissionController(CommandGateway commands) {
    this.commands = commands;
  }

  @GetMapping
  public AdmissionDecision decide(
      @RequestParam @NotBlank @Size(max = 256) String model,
      @RequestParam @Min(1) @Max(Integer.MAX_VALUE) int version,
      @RequestParam @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits") String sha256,
      @RequestParam(required = false) @Pattern(regexp = "staging|production") String stage) {
    return commands.sendAndWait(new DecideAdmission(model, version, sha256, stage));
  }

  /**
   * A validating admission webhook. Objects without a {@value #MODEL} annotation are not governed by
   * Gatehouse and are allowed (with a warning); DELETE and CONNECT are always allowed.
   */
  @PostMapping("/kubernetes")
  public Map<String, Object> review(@RequestBody JsonNode review) {
    JsonNode request = review.path("request");
    if (!"AdmissionReview".equals(review.path("kind").asString(""))
        || !"admission.k8s.io/v1".equals(review.path("apiVersion").asString(""))
        || !request.isObject() || request.path("uid").asString("").isEmpty()) {
      throw new InvalidAdmissionReview("The body must be an admission.k8s.io/v1 AdmissionReview with request.uid.");
    }
    String uid = request.path("uid").asString();
    String operation = request.path("operation").asString("");
    if (operation.equals("DELETE") || operation.equals("CONNECT")) {
      return answer(uid, true, null, List.of());
    }
    JsonNode object = request.path("object");
    Map<String, String> annotations = podTemplateAnnotations(object);
    String model = annotations.get(MODEL);
    String kind = request.path("kind").path("kind").asString("object");
    String name = object.path("metadata").path("name").asString(request.path("name").asString(""));
    if (model == null) {
      return answer(uid, true, null, List.of(kind + " " + name + " carries no " + MODEL
          + " annotation; Gatehouse does not govern it."));
    }
    List<String> missing = new ArrayList<>();
    for (String key : List.of(VERSION, SHA256)) {
      if (!annotations.containsKey(key) || annotations.get(key).isBlank()) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      return answer(uid, false, kind + " " + name + " names model " + model + " but lacks the annotation(s) " + missing
          + "; Gatehouse admits a model workload only by version and artifact sha256.", List.of());
    }
    int version;
    try {
      version = Integer.parseInt(annotations.get(VERSION).trim());
    } catch (NumberFormatException e) {
      return answer(uid, false, VERSION + " must be a version number, was '" + annotations.get(VERSION) + "'.",
          List.of());
    }
    String sha256 = annotations.get(SHA256).trim().toLowerCase(java.util.Locale.ROOT);
    if (sha256.startsWith("sha256:")) {
      sha256 = sha256.substring(7);
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      return answer(uid, false, SHA256 + " must be 64 hex digits, was '" + annotations.get(SHA256) + "'.", List.of());
    }
    String stage = annotations.getOrDefault(STAGE, DEFAULT_STAGE);
    AdmissionDecision decision;
    try {
      decision = commands.sendAndWait(new DecideAdmission(model, version, sha256, stage));
    } catch (RuleViolation e) {
      return answer(uid, false, e.getMessage(), List.of());
    }
    return answer(uid, decision.allowed(), decision.allowed() ? null : "Gatehouse denies " + kind + " " + name + ": "
        + decision.summary(), List.of());
  }

  /** Annotations of the pod template for workload kinds, of the object itself for a Pod. */
  static Map<String, String> podTemplateAnnotations(JsonNode object) {
    JsonNode spec = object.path("spec");
    JsonNode template = spec.path("template");
    if (spec.path("jobTemplate").isObject()) {
      template = spec.path("jobTemplate").path("spec").path("template");
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    collect(object.path("metadata").path("annotations"), annotations);
    collect(template.path("metadata").path("annotations"), annotations); // the pod's own annotations win
    return annotations;
  }

  private static void collect(JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getValue().isString()) {
          into.put(e.getKey(), e.getValue().asString());
        }
      }
    }
  }

  private static Map<String, Object> answer(String uid, boolean allowed, String message, List<String> warnings) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("uid", uid);
    response.put("allowed", allowed);
    if (!allowed) {
      response.put("status", Map.of("code", 403, "reason", "Forbidden", "message", message));
    }
    if (!warnings.isEmpty()) {
      response.put("warnings", warnings);
    }
    Map<String, Object> review = new LinkedHashMap<>();
    review.put("apiVersion", "admission.k8s.io/v1");
    review.put("kind", "AdmissionReview");
    review.put("response", response);
    return review;
  }

  /** A body that is not an AdmissionReview (400). */
  static final class InvalidAdmissionReview extends RuleViolation {

    InvalidAdmissionReview(String message) {
      super("invalid-admission-review", Kind.INVALID, message);
    }
  }
}
