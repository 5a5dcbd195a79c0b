package io.gatehouse.platform.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
public class TestModelController {

  private final CommandGateway commands;

  public TestModelController(CommandGateway commands) {
    this.commands = commands;
  }

  /** How often a handler of this controller ran: a refused request must not move it. */
  public static final java.util.concurrent.atomic.AtomicInteger INVOCATIONS = new java.util.concurrent.atomic.AtomicInteger();

  public record Body(@NotBlank @Size(max = 20) String name, List<@NotBlank String> tags, int count) {}

  @PostMapping("/test/models")
  @ResponseStatus(HttpStatus.CREATED)
  public Body register(@Valid @RequestBody Body body) {
    INVOCATIONS.incrementAndGet();
    commands.sendAndWait(new RegisterTestModel(body.name()));
    return body;
  }

  /** Answers who the platform believes is acting; a body cannot change it (unknown fields are refused). */
  @PostMapping("/test/whoami")
  public java.util.Map<String, String> whoami(@RequestBody java.util.Map<String, Object> ignored) {
    INVOCATIONS.incrementAndGet();
    io.gatehouse.platform.context.Acting a = io.gatehouse.platform.context.ActingContext.current().orElseThrow();
    return java.util.Map.of("actor", a.actor(), "actorName", String.valueOf(a.actorName()));
  }

  @GetMapping("/test/page")
  public int page(@RequestParam @Max(10) int size) {
    INVOCATIONS.incrementAndGet();
    return size;
  }
}
