package io.gatehouse.registry.model.web;

import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.contracts.registry.Tag;
import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.registry.model.api.RegisterModel;
import io.gatehouse.registry.model.api.SubmitModelVersion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registers models and takes version submissions. Who acts comes from the request, never the body. */
@RestController
@RequestMapping("/api/v1/models")
public class ModelController {

  private final CommandGateway commands;

  public ModelController(CommandGateway commands) {
    this.commands = commands;
  }

  /** Body of {@code POST /api/v1/models}. */
  public record RegisterModelRequest(
      @NotBlank @Size(max = 256) String name,
      @Size(max = 5000) String description,
      @Size(max = 256) String ownerTeam,
      @Size(max = 100) List<@Valid Tag> tags,
      @NotNull @Valid RiskProfile riskProfile) {}

  /** Body of {@code POST /api/v1/models/{name}/versions}. */
  public record SubmitVersionRequest(
      @NotNull @Valid ArtifactRef artifact,
      @Valid ModelCard modelCard,
      @Valid Lineage lineage,
      @Valid EvaluationDataRef evaluationData,
      @Size(max = 50) List<@NotBlank @Size(max = 256) String> authors) {}

  @PostMapping
  public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody RegisterModelRequest body) {
    commands.sendAndWait(new RegisterModel(body.name(), body.description(), body.ownerTeam(), body.tags(),
        body.riskProfile(), actor()));
    return ResponseEntity.created(URI.create("/api/v1/models/" + body.name()))
        .body(Map.of("name", body.name()));
  }

  @PostMapping("/{name}/versions")
  public ResponseEntity<Map<String, Object>> submit(@PathVariable String name,
      @Valid @RequestBody SubmitVersionRequest body) {
    Integer version = commands.sendAndWait(new SubmitModelVersion(name, body.artifact(), body.modelCard(),
        body.lineage(), body.evaluationData(), body.authors(), actor()));
    return ResponseEntity.created(URI.create("/api/v1/models/" + name + "/versions/" + version))
        .body(Map.of("name", name, "version", version));
  }

  private static String actor() {
    return ActingContext.current().map(Acting::actor).orElseThrow();
  }
}
