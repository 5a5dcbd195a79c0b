package io.gatehouse.registry.model.web;

import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.contracts.registry.Tag;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.jdbc.SqlFilter;
import io.gatehouse.platform.web.ProblemDetailsAdvice;
import io.gatehouse.registry.card.domain.CardFormats;
import io.gatehouse.registry.card.domain.CardWarning;
import io.gatehouse.registry.card.infra.CardPolicy;
import io.gatehouse.registry.card.domain.ImportedCard;
import io.gatehouse.registry.grant.domain.ApprovalStanding;
import io.gatehouse.registry.grant.infra.ApprovalStandings;
import io.gatehouse.registry.model.api.AssignRiskTier;
import io.gatehouse.registry.model.api.CompleteSubmission;
import io.gatehouse.registry.model.api.RegisterModel;
import io.gatehouse.registry.model.api.RetireModelVersion;
import io.gatehouse.registry.model.api.SetEvaluationData;
import io.gatehouse.registry.model.api.SetLineage;
import io.gatehouse.registry.model.api.SubmitModelVersion;
import io.gatehouse.registry.model.api.UpdateModelCard;
import io.gatehouse.registry.model.domain.RegistryRuleViolation;
import io.gatehouse.registry.model.infra.RegistryProperties;
import io.gatehouse.registry.modelview.ModelView;
import io.gatehouse.registry.modelview.RegistryViews;
import io.gatehouse.registry.modelview.VersionView;
import io.gatehouse.registry.modelview.ViewBehind;
import io.gatehouse.registry.modelview.ViewFreshness;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gatehouse's own API for models and versions. Who acts comes from the token, never the body. Every
 * write answers once the read model shows it.
 */
@RestController
@Validated
@RequestMapping("/api/v1/models")
public class ModelController {

  private static final String NAME = "[A-Za-z0-9._-]{1,256}";

  private static final CardFormats CARD_FORMATS = new CardFormats();

  private final CommandGateway commands;
  private final RegistryViews views;
  private final ViewFreshness freshness;
  private final ApprovalStandings standings;
  private final RegistryProperties props;
  private final CardPolicy cardPolicy;

  public ModelController(CommandGateway commands, RegistryViews views, ViewFreshness freshness,
      ApprovalStandings standings, RegistryProperties props, CardPolicy cardPolicy) {
    this.commands = commands;
    this.views = views;
    this.freshness = freshness;
    this.standings = standings;
    this.props = props;
    this.cardPolicy = cardPolicy;
  }

  /** Body of {@code POST /api/v1/models}. */
  public record RegisterModelRequest(
      @NotBlank @Size(max = 256) String name,
      @Size(max = 5000) String description,
      @NotBlank @Size(max = 256) String ownerTeam,
      @Size(max = 100) List<@Valid @NotNull Tag> tags,
      @NotNull @Valid RiskProfile riskProfile) {}

  /** Body of {@code POST /api/v1/models/{name}/versions}. */
  public record SubmitVersionRequest(
      @NotNull @Valid ArtifactRef artifact,
      @Valid ModelCard modelCard,
      @Valid Lineage lineage,
      @Valid EvaluationDataRef evaluationData,
      @Size(max = 50) List<@NotBlank @Size(max = 256) String> authors) {}

  /** Body of {@code PUT /api/v1/models/{name}/versions/{version}/submission}. */
  public record SubmissionRequest(
      @NotBlank String sha256,
      @Min(0) long sizeBytes,
      @Valid Lineage lineage,
      @Valid EvaluationDataRef evaluationData,
      @Size(max = 50) List<@NotBlank @Size(max = 256) String> authors) {}

  /** Body of {@code PUT /api/v1/models/{name}/risk-tier}. */
  public record AssignTierRequest(
      @NotNull @Pattern(regexp = "LOW|MEDIUM|HIGH|CRITICAL") String riskTier,
      @NotBlank @Size(max = 5000) String justification) {}

  /** Body of {@code POST /api/v1/models/{name}/versions/{version}/retirement}. */
  public record RetireRequest(@NotBlank @Size(max = 5000) String reason) {}

  @PostMapping
  public ResponseEntity<ModelView> register(@Valid @RequestBody RegisterModelRequest body) {
    commands.sendAndWait(new RegisterModel(body.name(), body.description(), body.ownerTeam(), body.tags(),
        body.riskProfile(), actor()));
    freshness.awaitCurrent();
    return ResponseEntity.created(URI.create("/api/v1/models/" + body.name())).body(model(body.name()));
  }

  /** Models, filtered by name prefix, tier, owner team and tag ({@code key} or {@code key=value}), by name. */
  @GetMapping
  public Map<String, Object> list(
      @RequestParam(required = false) @Size(max = 256) String namePrefix,
      @RequestParam(required = false) @Pattern(regexp = "LOW|MEDIUM|HIGH|CRITICAL") String tier,
      @RequestParam(required = false) @Size(max = 256) String owner,
      @RequestParam(required = false) @Size(max = 5300) String tag,
      @RequestParam(defaultValue = "0") @Min(0) long offset,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    SqlFilter filter = new SqlFilter();
    if (namePrefix != null) {
      filter.and("m.name LIKE ? ESCAPE '\\'", like(namePrefix) + "%");
    }
    filter.andIfPresent("m.risk_tier = ?", tier).andIfPresent("m.owner_team = ?", owner);
    if (tag != null) {
      int eq = tag.indexOf('=');
      if (eq < 0) {
        filter.and("jsonb_exists(m.tags, ?)", tag);
      } else {
        filter.and("m.tags ->> ? = ?", tag.substring(0, eq), tag.substring(eq + 1));
      }
    }
    List<ModelView> page = views.models(filter, "m.name ASC", offset, limit + 1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("models", page.subList(0, Math.min(limit, page.size())));
    if (page.size() > limit) {
      body.put("nextOffset", offset + limit);
    }
    return body;
  }

  @GetMapping("/{name}")
  public ModelView get(@PathVariable @Pattern(regexp = NAME) String name) {
    return model(name);
  }

  @PutMapping("/{name}/risk-tier")
  public ModelView assignTier(@PathVariable @Pattern(regexp = NAME) String name,
      @Valid @RequestBody AssignTierRequest body) {
    commands.sendAndWait(new AssignRiskTier(name, body.riskTier(), body.justification(), actor(), roles()));
    freshness.awaitCurrent();
    return model(name);
  }

  /**
   * Submits a version: 201 with the version, {@code Location} of the version, and where its approval
   * case is followed ({@code Link} rel {@code approval-cases}: approval-service's case list).
   */
  @PostMapping("/{name}/versions")
  public ResponseEntity<Map<String, Object>> submit(@PathVariable @Pattern(regexp = NAME) String name,
      @Valid @RequestBody SubmitVersionRequest body) {
    Integer version = commands.sendAndWait(new SubmitModelVersion(name, body.artifact(), body.modelCard(),
        body.lineage(), body.evaluationData(), body.authors(), actor()));
    freshness.awaitCurrent();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("name", name);
    answer.put("version", version);
    answer.put("status", "SUBMITTED");
    answer.put("links", links(name, version));
    return ResponseEntity.created(URI.create("/api/v1/models/" + name + "/versions/" + version))
        .header(HttpHeaders.LINK, "<" + casesUrl(name, version) + ">; rel=\"approval-cases\"")
        .body(answer);
  }

  @GetMapping("/{name}/versions")
  public Map<String, Object> versions(@PathVariable @Pattern(regexp = NAME) String name,
      @RequestParam(defaultValue = "0") @Min(0) long offset,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    model(name);
    List<VersionView> page = views.versions(new SqlFilter().and("v.model_name = ?", name), "v.version ASC", offset,
        limit + 1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("versions", page.subList(0, Math.min(limit, page.size())));
    if (page.size() > limit) {
      body.put("nextOffset", offset + limit);
    }
    return body;
  }

  /** A version, with its approval standing as approval-service reported it. */
  @GetMapping("/{name}/versions/{version}")
  public Map<String, Object> version(@PathVariable @Pattern(regexp = NAME) String name,
      @PathVariable @Min(1) int version) {
    VersionView v = versionView(name, version);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", v);
    body.put("approval", approval(name, version));
    body.put("links", links(name, version));
    return body;
  }

  /** Completes the submission of a version created through MLflow without an artifact digest. */
  @PutMapping("/{name}/versions/{version}/submission")
  public Map<String, Object> completeSubmission(@PathVariable @Pattern(regexp = NAME) String name,
      @PathVariable @Min(1) int version, @Valid @RequestBody SubmissionRequest body) {
    commands.sendAndWait(new CompleteSubmission(name, version, body.sha256(), body.sizeBytes(), body.lineage(),
        body.evaluationData(), body.authors(), actor()));
    freshness.awaitCurrent();
    return version(name, version);
  }

  /**
   * Gives or replaces the evaluation data of a version (checked as at submission); validation evaluates
   * the version again on it. The artifact stays as submitted; the same reference again changes nothing.
   * 409 {@code version-retired} on a retired version, 404 on a deleted one.
   */
  @PutMapping("/{name}/versions/{version}/evaluation-data")
  public Map<String, Object> setEvaluationData(@PathVariable @Pattern(regexp = NAME) String name,
      @PathVariable @Min(1) int version, @Valid @RequestBody EvaluationDataRef body) {
    return setEvidence(name, version, new SetEvaluationData(name, version, body, actor()));
  }

  /**
   * Gives or replaces the lineage of a version (checked as at submission). The artifact stays as
   * submitted; the same lineage again changes nothing. 409 {@code version-retired} on a retired version.
   */
  @PutMapping("/{name}/versions/{version}/lineage")
  public Map<String, Object> setLineage(@PathVariable @Pattern(regexp = NAME) String name,
      @PathVariable @Min(1) int version, @Valid @RequestBody Lineage body) {
    return setEvidence(name, version, new SetLineage(name, version, body, actor()));
  }

  private Map<String, Object> setEvidence(String name, int version, Object command) {
    versionView(name, version);
    commands.sendAndWait(command);
    freshness.awaitCurrent();
    return version(name, version);
  }

  /**
   * Replaces the version's model card with a new revision; answers the revision, the sections still
   * missing (those the model's tier requires under the policy in force, {@code card.required_sections})
   * and {@code warnings}: what of the sent document did not fit the card, and each required section
   * left empty ({@code required-section-missing}). The body is the
   * structured card as {@code application/json}, a Hugging Face model card as {@code text/markdown}
   * (YAML front matter with {@code model-index}, template sections) or a Model Card Toolkit document
   * as {@code application/vnd.modelcardtoolkit+json}.
   */
  @PutMapping(path = "/{name}/versions/{version}/card", consumes = {CardFormats.JSON, CardFormats.MARKDOWN,
      "text/x-markdown", CardFormats.MODEL_CARD_TOOLKIT})
  public Map<String, Object> updateCard(@PathVariable @Pattern(regexp = NAME) String name,
      @PathVariable @Min(1) int version, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody byte[] document) {
    ImportedCard imported = CARD_FORMATS.parse(contentType, document);
    String tier = model(name).riskTier();
    CardPolicy.InForce policy = cardPolicy.current();
    commands.sendAndWait(new UpdateModelCard(name, version, imported.card(), policy.required(tier), actor()));
    freshness.awaitCurrent();
    Map<String, Object> body = card(name, version);
    List<CardWarning> warnings = new ArrayList<>(imported.warnings());
    @SuppressWarnings("unchecked")
    List<String> missing = (List<String>) body.get("missingSections");
    for (String section : missing == null ? List.<String>of() : missing) {
      warnings.add(new CardWarning(CardWarning.REQUIRED_SECTION_MISSING, section, "Section " + section
          + " is required for tier " + tier + " (policy " + policy.source() + ") and is empty: the card-complete "
          + "gate fails until it is filled."));
    }
    body.put("warnings", warnings);
    return body;
  }

  @GetMapping(path = "/{name}/versions/{version}/card", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> card(@PathVariable @Pattern(regexp = NAME) String name,
      @PathVariable @Min(1) int version) {
    VersionView v = versionView(name, version);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("revision", v.cardRevision());
    body.put("modelCard", v.modelCard());
    body.put("missingSections", v.missingSections());
    return body;
  }

  /** The card as Markdown in the Hugging Face layout (front matter with model-index, then the sections). */
  @GetMapping(path = "/{name}/versions/{version}/card", produces = CardFormats.MARKDOWN)
  public ResponseEntity<String> cardAsMarkdown(@PathVariable @Pattern(regexp = NAME) String name,
      @PathVariable @Min(1) int version) {
    VersionView v = versionView(name, version);
    if (v.modelCard() == null) {
      throw RegistryRuleViolation.notFound("card-not-found", "Version " + version + " of " + name
          + " has no model card yet.");
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(CardFormats.MARKDOWN + ";charset=UTF-8"))
        .body(CARD_FORMATS.render(v.modelCard(), CardFormats.MARKDOWN, name + " version " + version));
  }

  @GetMapping("/{name}/versions/{version}/card/revisions/{revision}")
  public Map<String, Object> cardRevision(@PathVariable @Pattern(regexp = NAME) String name,
      @PathVariable @Min(1) int version, @PathVariable @Min(1) int revision) {
    versionView(name, version);
    return views.cardRevision(name, version, revision).orElseThrow(() -> RegistryRuleViolation.notFound(
        "card-revision-not-found", "Version " + version + " of " + name + " has no model card revision " + revision
            + "."));
  }

  @PostMapping("/{name}/versions/{version}/retirement")
  public Map<String, Object> retire(@PathVariable @Pattern(regexp = NAME) String name,
      @PathVariable @Min(1) int version, @Valid @RequestBody RetireRequest body) {
    commands.sendAndWait(new RetireModelVersion(name, version, body.reason(), actor()));
    freshness.awaitCurrent();
    return version(name, version);
  }

  private ModelView model(String name) {
    return views.model(name).orElseThrow(() -> RegistryRuleViolation.modelNotFound(name));
  }

  private VersionView versionView(String name, int version) {
    return views.version(name, version).orElseThrow(() -> RegistryRuleViolation.versionNotFound(name, version));
  }

  private Map<String, Object> approval(String name, int version) {
    ApprovalStanding s = standings.find(name, version, false);
    Map<String, Object> a = new LinkedHashMap<>();
    if (s == null || s.caseId == null) {
      a.put("status", null);
      return a;
    }
    a.put("caseId", s.caseId);
    a.put("status", s.status);
    a.put("approvedUntil", s.approvedUntil);
    a.put("suspended", s.suspended);
    a.put("stages", s.stages);
    a.put("waitingFor", s.waitingFor());
    a.put("case", props.getApprovalBaseUrl() + "/api/v1/cases/" + s.caseId);
    return a;
  }

  private Map<String, String> links(String name, int version) {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", "/api/v1/models/" + name + "/versions/" + version);
    links.put("approvalCases", casesUrl(name, version));
    return links;
  }

  private String casesUrl(String name, int version) {
    return props.getApprovalBaseUrl() + "/api/v1/cases?model=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "&version=" + version;
  }

  private static String like(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String actor() {
    return ActingContext.current().map(Acting::actor).orElseThrow();
  }

  private static Set<String> roles() {
    return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
        .collect(Collectors.toSet());
  }

  /**
   * The change was stored but the view did not show it in time ({@link ViewBehind}): 503 with
   * {@code Retry-After}, saying the change stands and must not be sent again, instead of an answer
   * read from a view without it (a model just registered read as not found).
   */
  @ExceptionHandler(ViewBehind.class)
  ResponseEntity<ProblemDetail> viewBehind(ViewBehind e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(ViewBehind.RETRY_AFTER_SECONDS))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, ViewBehind.CODE,
            "Stored, not yet readable", e.getMessage()));
  }
}
