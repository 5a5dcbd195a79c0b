package io.gatehouse.approval.rollout.web;

import io.gatehouse.approval.admission.ReadStages;
import io.gatehouse.approval.rollout.api.PromotionResult;
import io.gatehouse.approval.rollout.api.Promote;
import io.gatehouse.approval.rollout.api.RollBack;
import io.gatehouse.approval.rollout.api.RollbackResult;
import io.gatehouse.approval.rollout.domain.ModelRollout;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Promotion of a model's versions into stages and rollout phases, roll-back, and the stages as they stand. */
@RestController
@RequestMapping("/api/v1/models/{model}")
@Validated
public class RolloutController {

  private final CommandGateway commands;

  public RolloutController(CommandGateway commands) {
    this.commands = commands;
  }

  /** Body of a promotion: the stage, and optionally the production phase expected next. */
  public record PromotionRequest(
      @NotBlank @Pattern(regexp = "staging|production", message = "must be staging or production") String stage,
      @Pattern(regexp = "[a-z][a-z0-9-]{0,31}") String phase) {}

  /** Body of a roll-back: why. */
  public record RollbackRequest(@NotBlank @Size(max = 4000) String reason) {}

  @PostMapping("/versions/{version}/promotions")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public PromotionResult promote(@PathVariable @Size(max = 256) String model,
      @PathVariable @Min(1) @Max(Integer.MAX_VALUE) int version, @Valid @RequestBody PromotionRequest body) {
    Acting acting = ActingContext.current().orElseThrow();
    return commands.sendAndWait(new Promote(model, version, body.stage(), body.phase(), acting.actor()));
  }

  @PostMapping("/stages/{stage}/rollback")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public RollbackResult rollBack(@PathVariable @Size(max = 256) String model,
      @PathVariable @Pattern(regexp = "staging|production", message = "must be staging or production") String stage,
      @Valid @RequestBody RollbackRequest body) {
    Acting acting = ActingContext.current().orElseThrow();
    return commands.sendAndWait(new RollBack(model, stage, body.reason(), acting.actor()));
  }

  @GetMapping("/stages")
  public ModelRollout.Stages stages(@PathVariable @Size(max = 256) String model) {
    return commands.sendAndWait(new ReadStages(model));
  }
}
