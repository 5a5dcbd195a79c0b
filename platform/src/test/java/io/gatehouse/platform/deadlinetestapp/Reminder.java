package io.gatehouse.platform.deadlinetestapp;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** Schedules one deadline when set; records when it fires. Cancelling cancels the deadline. */
@Aggregate
public class Reminder {

  public static final String DUE = "reminder-due";

  @AggregateIdentifier
  private String id;
  private String deadlineId;

  protected Reminder() {}

  @CommandHandler
  public Reminder(SetReminder cmd, DeadlineManager deadlines) {
    String scheduled = deadlines.schedule(cmd.dueAt(), DUE, new ReminderDue(cmd.id(), cmd.dueAt()));
    apply(new ReminderSet(cmd.id(), cmd.dueAt(), scheduled));
  }

  @CommandHandler
  void handle(CancelReminder cmd, DeadlineManager deadlines) {
    deadlines.cancelSchedule(DUE, deadlineId);
    apply(new ReminderCancelled(id));
  }

  /** Fires whatever state the reminder is in, so that a deadline that was not cancelled shows. */
  @DeadlineHandler(deadlineName = DUE)
  void on(ReminderDue due, Clock clock) {
    apply(new ReminderFired(id, due.dueAt(), clock.instant()));
  }

  @EventSourcingHandler
  void on(ReminderSet e) {
    id = e.id();
    deadlineId = e.deadlineId();
  }
}
