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

  public record Body(@NotBlank @Size(max = 20) String name, List<@NotBlank String> tags, int count) {}

  @PostMapping("/test/models")
  @ResponseStatus(HttpStatus.CREATED)
  public Body register(@Valid @RequestBody Body body) {
    commands.sendAndWait(new RegisterTestModel(body.name()));
    return body;
  }

  @GetMapping("/test/page")
  public int page(@RequestParam @Max(10) int size) {
    return size;
  }
}
