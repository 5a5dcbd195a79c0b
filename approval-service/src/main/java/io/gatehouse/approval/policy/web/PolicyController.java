package io.gatehouse.approval.policy.web;

import io.gatehouse.approval.policy.api.PublishPolicy;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.infra.PolicyDocuments;
import io.gatehouse.approval.policy.infra.PolicyVersions;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Policies: the version in force, any published version, and publishing a new one (a YAML document,
 * checked before it is accepted; every problem is named with its line).
 */
@RestController
@RequestMapping("/api/v1/policies")
@Validated
public class PolicyController {

  private final CommandGateway commands;
  private final PolicyVersions versions;

  public PolicyController(CommandGateway commands, PolicyVersions versions) {
    this.commands = commands;
    this.versions = versions;
  }

  @PostMapping(consumes = {"application/yaml", "text/yaml", "application/x-yaml", "text/plain"})
  public ResponseEntity<PolicyVersions.Stored> publish(@RequestBody String document) {
    Policy policy = PolicyDocuments.parse(document);
    String actor = ActingContext.current().map(Acting::actor).orElseThrow();
    commands.sendAndWait(new PublishPolicy(policy.name(), policy.version(), document, actor));
    PolicyVersions.Stored stored = versions.version(policy.name(), policy.version()).orElseThrow();
    return ResponseEntity.created(URI.create("/api/v1/policies/" + policy.name() + "/versions/" + policy.version()))
        .body(stored);
  }

  @GetMapping("/{name}")
  public PolicyVersions.Stored current(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String name) {
    return versions.latest(name).orElseThrow(() -> new AggregateNotFoundException(name, "no policy " + name));
  }

  @GetMapping("/{name}/versions/{version}")
  public PolicyVersions.Stored version(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String name,
      @PathVariable @Min(1) int version) {
    return versions.version(name, version)
        .orElseThrow(() -> new AggregateNotFoundException(name + " v" + version, "no such policy version"));
  }
}
