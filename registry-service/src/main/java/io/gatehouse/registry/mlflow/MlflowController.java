package io.gatehouse.registry.mlflow;

import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.contracts.registry.Tag;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.jdbc.SqlFilter;
import io.gatehouse.platform.rules.RuleViolation;
import io.gatehouse.platform.web.RequestSizeLimitFilter;
import io.gatehouse.registry.grant.domain.ApprovalStanding;
import io.gatehouse.registry.grant.infra.ApprovalStandings;
import io.gatehouse.registry.model.api.CreateModelVersion;
import io.gatehouse.registry.model.api.DeleteModel;
import io.gatehouse.registry.model.api.DeleteModelAlias;
import io.gatehouse.registry.model.api.DeleteModelTag;
import io.gatehouse.registry.model.api.DeleteModelVersion;
import io.gatehouse.registry.model.api.DeleteModelVersionTag;
import io.gatehouse.registry.model.api.RegisterModel;
import io.gatehouse.registry.model.api.RenameModel;
import io.gatehouse.registry.model.api.SetModelAlias;
import io.gatehouse.registry.model.api.SetModelTag;
import io.gatehouse.registry.model.api.SetModelVersionTag;
import io.gatehouse.registry.model.api.TransitionStage;
import io.gatehouse.registry.model.api.UpdateModelDescription;
import io.gatehouse.registry.model.api.UpdateModelVersionDescription;
import io.gatehouse.registry.model.domain.GatehouseTags;
import io.gatehouse.registry.model.domain.Stages;
import io.gatehouse.registry.modelview.ModelView;
import io.gatehouse.registry.modelview.RegistryViews;
import io.gatehouse.registry.modelview.VersionView;
import io.gatehouse.registry.modelview.ViewBehind;
import io.gatehouse.registry.modelview.ViewFreshness;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MLflow's Model Registry REST API (all 21 RPCs, see the reference in the shared folder), over the same
 * commands and read model as the native API. Request bodies are read leniently (unknown fields
 * ignored, an empty body is {@code {}}), answers are MLflow's JSON shapes, errors MLflow's
 * {@code {"error_code", "message"}} with MLflow's statuses.
 */
@RestController
@RequestMapping(value = MlflowController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class MlflowController {

  public static final String BASE = "/api/2.0/mlflow";
  /** The risk profile assumed for a model created through MLflow: its tier is HIGH until a board member says otherwise. */
  public static final RiskProfile ASSUMED_PROFILE = new RiskProfile("unspecified", true, true, true, null);
  public static final String UNASSIGNED_OWNER = "unassigned";
  private static final int MAX_MODELS_PAGE = 1000;
  private static final int MAX_VERSIONS_PAGE = 10_000;
  private static final int MAX_VERSIONS_ASKED = 200_000;

  private static final Logger log = LoggerFactory.getLogger(MlflowController.class);

  private final CommandGateway commands;
  private final RegistryViews views;
  private final ViewFreshness freshness;
  private final ApprovalStandings standings;
  private final JsonMapper lenient = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public MlflowController(CommandGateway commands, RegistryViews views, ViewFreshness freshness,
      ApprovalStandings standings) {
    this.commands = commands;
    this.views = views;
    this.freshness = freshness;
    this.standings = standings;
  }

  // registered models

  @PostMapping("/registered-models/create")
  public Map<String, Object> createRegisteredModel(HttpServletRequest request) {
    JsonNode body = body(request);
    String name = required(body, "name");
    List<Tag> tags = tags(body);
    String owner = tags.stream().filter(t -> GatehouseTags.OWNER_TEAM.equals(t.key())).map(Tag::value)
        .filter(v -> v != null && !v.isBlank()).reduce((a, b) -> b).orElse(UNASSIGNED_OWNER);
    send(new RegisterModel(name, text(body, "description"), owner, tags, ASSUMED_PROFILE, actor()));
    return Map.of("registered_model", registeredModel(model(name)));
  }

  @GetMapping("/registered-models/get")
  public Map<String, Object> getRegisteredModel(HttpServletRequest request) {
    return Map.of("registered_model", registeredModel(model(param(request, "name"))));
  }

  @PostMapping("/registered-models/rename")
  public Map<String, Object> renameRegisteredModel(HttpServletRequest request) {
    JsonNode body = body(request);
    String name = required(body, "name");
    String newName = required(body, "new_name");
    send(new RenameModel(name, newName, actor()));
    return Map.of("registered_model", registeredModel(model(newName)));
  }

  @PatchMapping("/registered-models/update")
  public Map<String, Object> updateRegisteredModel(HttpServletRequest request) {
    JsonNode body = body(request);
    String name = required(body, "name");
    send(new UpdateModelDescription(name, text(body, "description"), actor()));
    return Map.of("registered_model", registeredModel(model(name)));
  }

  @DeleteMapping("/registered-models/delete")
  public Map<String, Object> deleteRegisteredModel(HttpServletRequest request) {
    send(new DeleteModel(required(body(request), "name"), actor()));
    return Map.of();
  }

  @GetMapping("/registered-models/search")
  public Map<String, Object> searchRegisteredModels(HttpServletRequest request) {
    int max = maxResults(request, 100, MAX_MODELS_PAGE, MAX_MODELS_PAGE);
    SqlFilter filter = MlflowFilter.parse(request.getParameter("filter"), MlflowFilter.Target.MODELS);
    String order = MlflowPaging.orderBy(values(request, "order_by"),
        Map.of("name", "m.name", "last_updated_timestamp", "m.updated_at", "timestamp", "m.updated_at",
            "creation_timestamp", "m.created_at"), "m.name ASC", "m.name ASC");
    long offset = MlflowPaging.offset(request.getParameter("page_token"));
    return page("registered_models", views.models(filter, order, offset, max + 1), max, offset, this::registeredModel);
  }

  @RequestMapping(path = "/registered-models/get-latest-versions", method = {RequestMethod.GET, RequestMethod.POST})
  public Map<String, Object> getLatestVersions(HttpServletRequest request) {
    String name;
    List<String> stages;
    if ("POST".equals(request.getMethod())) {
      JsonNode body = body(request);
      name = required(body, "name");
      stages = new ArrayList<>();
      body.path("stages").forEach(s -> stages.add(s.asString()));
    } else {
      name = param(request, "name");
      stages = values(request, "stages");
    }
    model(name);
    List<String> canonical = stages.isEmpty() ? Stages.ALL : stages.stream().map(this::stage).distinct().toList();
    return Map.of("model_versions", views.latestVersions(name, canonical).stream().map(this::modelVersion).toList());
  }

  @PostMapping("/registered-models/set-tag")
  public Map<String, Object> setRegisteredModelTag(HttpServletRequest request) {
    JsonNode body = body(request);
    send(new SetModelTag(required(body, "name"), required(body, "key"), optional(body, "value"), actor()));
    return Map.of();
  }

  @DeleteMapping("/registered-models/delete-tag")
  public Map<String, Object> deleteRegisteredModelTag(HttpServletRequest request) {
    JsonNode body = body(request);
    send(new DeleteModelTag(required(body, "name"), required(body, "key"), actor()));
    return Map.of();
  }

  @PostMapping("/registered-models/alias")
  public Map<String, Object> setRegisteredModelAlias(HttpServletRequest request) {
    JsonNode body = body(request);
    String name = required(body, "name");
    String alias = required(body, "alias");
    int version = version(required(body, "version"));
    send(new SetModelAlias(name, alias, version, actor()));
    return Map.of();
  }

  @DeleteMapping("/registered-models/alias")
  public Map<String, Object> deleteRegisteredModelAlias(HttpServletRequest request) {
    JsonNode body = body(request);
    send(new DeleteModelAlias(required(body, "name"), required(body, "alias"), actor()));
    return Map.of();
  }

  @GetMapping("/registered-models/alias")
  public Map<String, Object> getModelVersionByAlias(HttpServletRequest request) {
    String name = param(request, "name");
    String alias = param(request, "alias");
    ModelView model = model(name);
    Integer version = model.aliases().get(alias);
    if (version == null) {
      throw MlflowException.invalid("Registered model alias " + alias + " not found.");
    }
    return Map.of("model_version", modelVersion(version(name, version), true));
  }

  // model versions

  @PostMapping("/model-versions/create")
  public Map<String, Object> createModelVersion(HttpServletRequest request) {
    JsonNode body = body(request);
    String name = required(body, "name");
    String source = required(body, "source");
    Integer version = send(new CreateModelVersion(name, source, text(body, "run_id"),
        text(body, "run_link"), text(body, "description"), tags(body), actor()));
    return Map.of("model_version", modelVersion(version(name, version), true));
  }

  @GetMapping("/model-versions/get")
  public Map<String, Object> getModelVersion(HttpServletRequest request) {
    String name = param(request, "name");
    return Map.of("model_version", modelVersion(version(name, version(param(request, "version"))), true));
  }

  @PatchMapping("/model-versions/update")
  public Map<String, Object> updateModelVersion(HttpServletRequest request) {
    JsonNode body = body(request);
    String name = required(body, "name");
    int version = version(required(body, "version"));
    version(name, version);
    send(new UpdateModelVersionDescription(name, version, text(body, "description"), actor()));
    return Map.of("model_version", modelVersion(version(name, version), true));
  }

  @PostMapping("/model-versions/transition-stage")
  public Map<String, Object> transitionModelVersionStage(HttpServletRequest request) {
    JsonNode body = body(request);
    String name = required(body, "name");
    int version = version(required(body, "version"));
    String stage = stage(required(body, "stage"));
    JsonNode archive = body.path("archive_existing_versions");
    boolean archiveExisting = archive.isBoolean() ? archive.booleanValue()
        : archive.isString() && Boolean.parseBoolean(archive.asString());
    send(new TransitionStage(name, version, stage, archiveExisting, actor()));
    return Map.of("model_version", modelVersion(version(name, version), true));
  }

  @DeleteMapping("/model-versions/delete")
  public Map<String, Object> deleteModelVersion(HttpServletRequest request) {
    JsonNode body = body(request);
    send(new DeleteModelVersion(required(body, "name"), version(required(body, "version")), actor()));
    return Map.of();
  }

  @GetMapping("/model-versions/search")
  public Map<String, Object> searchModelVersions(HttpServletRequest request) {
    int asked = maxResults(request, 10_000, MAX_VERSIONS_ASKED, MAX_VERSIONS_PAGE);
    SqlFilter filter = MlflowFilter.parse(request.getParameter("filter"), MlflowFilter.Target.VERSIONS);
    String order = MlflowPaging.orderBy(values(request, "order_by"),
        Map.of("name", "v.model_name", "version_number", "v.version", "creation_timestamp", "v.created_at",
            "last_updated_timestamp", "v.updated_at"),
        "v.updated_at DESC, v.model_name ASC, v.version DESC", "v.model_name ASC, v.version DESC");
    long offset = MlflowPaging.offset(request.getParameter("page_token"));
    return page("model_versions", views.versions(filter, order, offset, asked + 1), asked, offset,
        v -> modelVersion(v, false));
  }

  @GetMapping("/model-versions/get-download-uri")
  public Map<String, Object> getModelVersionDownloadUri(HttpServletRequest request) {
    String name = param(request, "name");
    return Map.of("artifact_uri", version(name, version(param(request, "version"))).source());
  }

  @PostMapping("/model-versions/set-tag")
  public Map<String, Object> setModelVersionTag(HttpServletRequest request) {
    JsonNode body = body(request);
    send(new SetModelVersionTag(required(body, "name"), version(required(body, "version")),
        required(body, "key"), optional(body, "value"), actor()));
    return Map.of();
  }

  @DeleteMapping("/model-versions/delete-tag")
  public Map<String, Object> deleteModelVersionTag(HttpServletRequest request) {
    JsonNode body = body(request);
    String name = required(body, "name");
    int version = version(required(body, "version"));
    version(name, version);
    send(new DeleteModelVersionTag(name, version, required(body, "key"), actor()));
    return Map.of();
  }

  /** Any other path under the MLflow prefix: MLflow's answer, which Python's client relies on. */
  @RequestMapping(path = "/**", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PATCH,
      RequestMethod.DELETE, RequestMethod.PUT})
  public ResponseEntity<Map<String, Object>> unknownEndpoint(HttpServletRequest request) {
    return error(404, "ENDPOINT_NOT_FOUND", "No API endpoint " + request.getMethod() + " " + request.getRequestURI()
        + " in Gatehouse's MLflow Model Registry API.");
  }

  // errors

  @ExceptionHandler(MlflowException.class)
  ResponseEntity<Map<String, Object>> mlflow(MlflowException e) {
    return error(e.status(), e.errorCode(), e.getMessage());
  }

  @ExceptionHandler(RuleViolation.class)
  ResponseEntity<Map<String, Object>> rule(RuleViolation e) {
    if ("model-exists".equals(e.code())) {
      return error(400, "RESOURCE_ALREADY_EXISTS", e.getMessage());
    }
    return switch (e.kind()) {
      case NOT_FOUND -> error(404, "RESOURCE_DOES_NOT_EXIST", e.getMessage());
      case FORBIDDEN -> error(403, "PERMISSION_DENIED", e.getMessage());
      case CONFLICT -> error(409, "RESOURCE_CONFLICT", e.getMessage());
      case INVALID, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> error(400, "INVALID_PARAMETER_VALUE", e.getMessage());
    };
  }

  /**
   * The change was stored but the view did not show it in time: MLflow's {@code TEMPORARILY_UNAVAILABLE}
   * (503) with {@code Retry-After}, the message saying not to send it again.
   */
  @ExceptionHandler(ViewBehind.class)
  ResponseEntity<Map<String, Object>> viewBehind(ViewBehind e) {
    ResponseEntity<Map<String, Object>> answer = error(503, "TEMPORARILY_UNAVAILABLE", e.getMessage());
    return ResponseEntity.status(answer.getStatusCode())
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(ViewBehind.RETRY_AFTER_SECONDS))
        .contentType(MediaType.APPLICATION_JSON).body(answer.getBody());
  }

  @ExceptionHandler(AggregateNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(AggregateNotFoundException e) {
    return error(404, "RESOURCE_DOES_NOT_EXIST", "No such resource: " + e.getAggregateIdentifier());
  }

  @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
  ResponseEntity<Map<String, Object>> conflict(Exception e) {
    return error(409, "RESOURCE_CONFLICT",
        "Another change to the same model was committed first; read it again and retry.");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    log.error("Unhandled error in the MLflow API", e);
    return error(500, "INTERNAL_ERROR", "The request failed on the server; it has been logged.");
  }

  static ResponseEntity<Map<String, Object>> error(int status, String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code);
    body.put("message", message);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  // MLflow's shapes

  /** Sends the command and waits for its result, then for the views to catch up, so the answer reads what it wrote. */
  private <R> R send(Object command) {
    R result = commands.sendAndWait(command);
    freshness.awaitCurrent();
    return result;
  }

  /** MLflow's page: at most {@code max} of the {@code max + 1} rows read, and a token when there are more. */
  private static <T> Map<String, Object> page(String key, List<T> rows, int max, long offset,
      Function<T, ?> asJson) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put(key, rows.stream().limit(max).map(asJson).toList());
    if (rows.size() > max) {
      answer.put("next_page_token", MlflowPaging.token(offset + max));
    }
    return answer;
  }

  private Map<String, Object> registeredModel(ModelView m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", m.name());
    json.put("creation_timestamp", m.createdAt().toEpochMilli());
    json.put("last_updated_timestamp", m.updatedAt().toEpochMilli());
    json.put("user_id", m.createdBy());
    if (m.description() != null) {
      json.put("description", m.description());
    }
    json.put("latest_versions", views.latestVersions(m.name(), Stages.ALL).stream()
        .map(v -> modelVersion(v, false)).toList());
    json.put("tags", tagList(m.tags()));
    List<Map<String, Object>> aliases = new ArrayList<>();
    m.aliases().forEach((alias, version) -> aliases.add(Map.of("alias", alias, "version", String.valueOf(version))));
    json.put("aliases", aliases);
    return json;
  }

  private Map<String, Object> modelVersion(VersionView v) {
    return modelVersion(v, false);
  }

  private Map<String, Object> modelVersion(VersionView v, boolean withApproval) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", v.modelName());
    json.put("version", String.valueOf(v.version()));
    json.put("creation_timestamp", v.createdAt().toEpochMilli());
    json.put("last_updated_timestamp", v.updatedAt().toEpochMilli());
    json.put("user_id", v.createdBy());
    json.put("current_stage", v.currentStage());
    if (v.description() != null) {
      json.put("description", v.description());
    }
    json.put("source", v.source());
    if (v.runId() != null) {
      json.put("run_id", v.runId());
    }
    json.put("status", "READY");
    String message = statusMessage(v, withApproval);
    if (message != null) {
      json.put("status_message", message);
    }
    json.put("tags", tagList(v.tags()));
    if (v.runLink() != null) {
      json.put("run_link", v.runLink());
    }
    json.put("aliases", v.aliases());
    return json;
  }

  /** Gatehouse's state of the version, where MLflow clients show it. */
  private String statusMessage(VersionView v, boolean withApproval) {
    if ("AWAITING_DIGEST".equals(v.status())) {
      return "Gatehouse: not submitted for approval yet; it waits for its artifact digest (set tag "
          + GatehouseTags.ARTIFACT_SHA256 + ").";
    }
    if (v.retired()) {
      return "Gatehouse: retired (" + v.retiredReason() + ").";
    }
    if (!withApproval) {
      return null;
    }
    ApprovalStanding s = standings.find(v.modelName(), v.version(), false);
    if (s == null || s.caseId == null) {
      return "Gatehouse: submitted for approval; the approval case is opening.";
    }
    String waiting = s.waitingFor();
    return "Gatehouse: approval case " + s.caseId + " " + s.status + (s.suspended ? " (approval suspended)" : "")
        + (waiting == null || waiting.isBlank() ? "" : ", waiting for " + waiting) + ".";
  }

  private static List<Map<String, String>> tagList(Map<String, String> tags) {
    List<Map<String, String>> list = new ArrayList<>();
    tags.forEach((k, val) -> {
      Map<String, String> t = new LinkedHashMap<>();
      t.put("key", k);
      t.put("value", val);
      list.add(t);
    });
    return list;
  }

  // request reading

  private JsonNode body(HttpServletRequest request) {
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readAllBytes();
    } catch (RequestSizeLimitFilter.TooLarge e) {
      throw MlflowException.invalid("The request body is larger than the limit of " + e.maxBytes() + " bytes.");
    } catch (IOException e) {
      throw MlflowException.invalid("The request body could not be read.");
    }
    if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return lenient.createObjectNode();
    }
    try {
      JsonNode node = lenient.readTree(bytes);
      if (!node.isObject()) {
        throw MlflowException.invalid("The request body must be a JSON object.");
      }
      return node;
    } catch (JacksonException e) {
      throw new MlflowException("MALFORMED_REQUEST", 400, "The request body is not valid JSON.");
    }
  }

  private static String required(JsonNode body, String field) {
    JsonNode value = body.path(field);
    String text = value.isValueNode() && !value.isNull() ? value.asString() : null;
    if (text == null || text.isEmpty()) {
      throw MlflowException.missing(field);
    }
    return text;
  }

  private static String optional(JsonNode body, String field) {
    JsonNode value = body.path(field);
    return value.isValueNode() && !value.isNull() ? value.asString() : null;
  }

  private static String text(JsonNode body, String field) {
    String value = optional(body, field);
    return value == null || value.isEmpty() ? null : value;
  }

  private static List<Tag> tags(JsonNode body) {
    JsonNode tags = body.path("tags");
    if (tags.isMissingNode() || tags.isNull()) {
      return List.of();
    }
    if (!tags.isArray()) {
      throw MlflowException.invalid("Parameter 'tags' must be a list of {key, value} objects.");
    }
    List<Tag> list = new ArrayList<>();
    tags.forEach(t -> list.add(new Tag(optional(t, "key"), optional(t, "value") == null ? "" : optional(t, "value"))));
    return list;
  }

  private static String param(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isEmpty()) {
      throw MlflowException.missing(name);
    }
    return value;
  }

  private static List<String> values(HttpServletRequest request, String name) {
    List<String> all = new ArrayList<>();
    for (String key : List.of(name, name + "[]")) {
      String[] v = request.getParameterValues(key);
      if (v != null) {
        all.addAll(Arrays.asList(v));
      }
    }
    return all.stream().filter(s -> !s.isEmpty()).toList();
  }

  private static int maxResults(HttpServletRequest request, int defaultValue, int allowed, int page) {
    String value = request.getParameter("max_results");
    if (value == null || value.isEmpty()) {
      return Math.min(defaultValue, page);
    }
    long n;
    try {
      n = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw MlflowException.invalid("Parameter 'max_results' must be an integer, got '" + value + "'.");
    }
    if (n < 1 || n > allowed) {
      throw MlflowException.invalid("Invalid value " + value + " for parameter 'max_results': it must be between 1 and "
          + allowed + ".");
    }
    return (int) Math.min(n, page);
  }

  private static int version(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw MlflowException.invalid("Parameter 'version' must be an integer, got '" + value + "'.");
    }
  }

  private String stage(String stage) {
    try {
      return Stages.canonical(stage);
    } catch (RuleViolation e) {
      throw MlflowException.invalid(e.getMessage());
    }
  }

  private ModelView model(String name) {
    return views.model(name).orElseThrow(() -> new MlflowException("RESOURCE_DOES_NOT_EXIST", 404,
        "Registered Model with name=" + name + " not found"));
  }

  private VersionView version(String name, int version) {
    return views.version(name, version).orElseThrow(() -> new MlflowException("RESOURCE_DOES_NOT_EXIST", 404,
        "Model Version (name=" + name + ", version=" + version + ") not found"));
  }

  private static String actor() {
    return ActingContext.current().map(Acting::actor).orElseThrow();
  }
}
