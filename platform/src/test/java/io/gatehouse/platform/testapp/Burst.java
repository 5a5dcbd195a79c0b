package io.gatehouse.platform.testapp;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** With {@code test.burst=N}: registers N models at start, one command (one transaction) each. */
@Component
@ConditionalOnProperty("test.burst")
public class Burst implements CommandLineRunner {

  private final CommandGateway commands;
  private final int count;

  public Burst(CommandGateway commands, @Value("${test.burst}") int count) {
    this.commands = commands;
    this.count = count;
  }

  @Override
  public void run(String... args) {
    for (int i = 0; i < count; i++) {
      commands.sendAndWait(new RegisterTestModel("burst-" + i));
    }
    System.out.println("BURST DONE " + count);
  }
}
