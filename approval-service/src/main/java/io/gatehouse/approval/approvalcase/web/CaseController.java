package io.gatehouse.approval.approvalcase.web;

import io.gatehouse.approval.approvalcase.api.RecordSignOff;
import io.gatehouse.approval.approvalcase.api.Recertify;
import io.gatehouse.approval.approvalcase.api.RequestBreakGlass;
import io.gatehouse.approval.caseview.CaseView;
import io.gatehouse.approval.caseview.CaseViewQueries;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Approval cases: read them, list them, sign them off. Who signs comes from the token. */
@RestController
@RequestMapping("/api/v1/cases")
@Validated
public class CaseController {

  private final CommandGateway commands;
  private final CaseViewQueries views;

  public CaseController(CommandGateway commands, CaseViewQueries views) {
    this.commands = commands;
    this.views = views;
  }

  /** Body of {@code POST /api/v1/cases/{caseId}/sign-offs}. */
  public record SignOffRequest(
      @NotBlank @Pattern(regexp = "[A-Z_]{1,32}") String role,
      @NotBlank @Pattern(regexp = "APPROVE|REJECT|REQUEST_CHANGES") String decision,
      @Size(max = 4000) String comment) {}

  @PostMapping("/{caseId}/sign-offs")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, String> signOff(@PathVariable @Size(max = 64) String caseId,
      @Valid @RequestBody SignOffRequest body, Authentication caller) {
    Acting acting = ActingContext.current().orElseThrow();
    commands.sendAndWait(new RecordSignOff(caseId, body.role(), body.decision(), body.comment(), acting.actor(),
        acting.actorName(), roles(caller)));
    return Map.of("caseId", caseId, "role", body.role(), "decision", body.decision(), "signer", acting.actor());
  }

  /** Body of {@code POST /api/v1/cases/{caseId}/break-glass}. */
  public record BreakGlassRequest(@NotBlank @Size(max = 4000) String justification) {}

  /**
   * One of the two senior approvers of an emergency approval. The first call answers
   * {@code AWAITING_SECOND_APPROVER}; a second, different approver's call answers {@code APPROVED}.
   */
  @PostMapping("/{caseId}/break-glass")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, String> breakGlass(@PathVariable @Size(max = 64) String caseId,
      @Valid @RequestBody BreakGlassRequest body, Authentication caller) {
    Acting acting = ActingContext.current().orElseThrow();
    String outcome = commands.sendAndWait(new RequestBreakGlass(caseId, body.justification(), acting.actor(),
        acting.actorName(), roles(caller)));
    return Map.of("caseId", caseId, "status", outcome, "approver", acting.actor());
  }

  /** Reopens sign-off on an approved or expired case under the policy in force. */
  @PostMapping("/{caseId}/recertification")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, String> recertify(@PathVariable @Size(max = 64) String caseId) {
    Acting acting = ActingContext.current().orElseThrow();
    commands.sendAndWait(new Recertify(caseId, acting.actor()));
    return Map.of("caseId", caseId, "status", "OPEN", "requestedBy", acting.actor());
  }

  /** Cases approved by break-glass whose retrospective review has not completed; {@code overdue} keeps the late ones. */
  @GetMapping("/break-glass-reviews")
  public List<CaseView> breakGlassReviews(@RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") @Min(0) int offset,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return views.breakGlassReviews(overdue, offset, limit);
  }

  @GetMapping("/{caseId}")
  public CaseView get(@PathVariable @Size(max = 64) String caseId) {
    return views.find(caseId).orElseThrow(() -> new AggregateNotFoundException(caseId, "no case " + caseId));
  }

  @GetMapping
  public List<CaseView> list(
      @RequestParam(required = false) @Pattern(regexp = "OPEN|APPROVED|REJECTED|CHANGES_REQUESTED|EXPIRED|WITHDRAWN") String status,
      @RequestParam(required = false) @Size(min = 1, max = 256) String model,
      @RequestParam(required = false) @Min(1) Integer version,
      @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,32}") String awaitingRole,
      @RequestParam(defaultValue = "0") @Min(0) int offset,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return views.list(status, model, version, awaitingRole, offset, limit);
  }

  private static Set<String> roles(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
  }
}
