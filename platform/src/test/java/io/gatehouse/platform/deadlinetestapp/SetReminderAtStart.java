package io.gatehouse.platform.deadlinetestapp;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** With {@code test.reminder.id}: sets that reminder at start, due {@code test.reminder.delay} later. */
@Component
@ConditionalOnProperty("test.reminder.id")
public class SetReminderAtStart implements CommandLineRunner {

  private final CommandGateway commands;
  private final Clock clock;
  private final String id;
  private final Duration delay;

  public SetReminderAtStart(CommandGateway commands, Clock clock, @Value("${test.reminder.id}") String id,
      @Value("${test.reminder.delay}") Duration delay) {
    this.commands = commands;
    this.clock = clock;
    this.id = id;
    this.delay = delay;
  }

  @Override
  public void run(String... args) {
    commands.sendAndWait(new SetReminder(id, clock.instant().plus(delay)));
    System.out.println("REMINDER SET " + id);
  }
}
