package io.gatehouse.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatehouse.platform.deadlinetestapp.CancelReminder;
import io.gatehouse.platform.deadlinetestapp.DeadlineTestApp;
import io.gatehouse.platform.deadlinetestapp.Reminder;
import io.gatehouse.platform.deadlinetestapp.ReminderDue;
import io.gatehouse.platform.deadlinetestapp.ReminderFired;
import io.gatehouse.platform.deadlinetestapp.SetReminder;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.eventhandling.scheduling.dbscheduler.DbSchedulerEventScheduler;
import org.axonframework.messaging.annotation.UnsupportedHandlerException;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code gatehouse.deadlines.enabled=true} aggregates schedule on db-scheduler in PostgreSQL:
 * a deadline fires within about one polling interval, a cancelled one never, and a deadline is
 * written in the transaction of whoever schedules it.
 */
@SpringBootTest(classes = DeadlineTestApp.class, properties = {
    "gatehouse.deadlines.enabled=true",
    "gatehouse.security.issuer=http://127.0.0.1:1",
    "gatehouse.security.jwk-set-uri=http://127.0.0.1:1/jwks"})
@DirtiesContext // stop the scheduler before the class's database is dropped
class DeadlineConfigurationIT {

  @RegisterExtension
  static PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
  }

  @Autowired DeadlineManager deadlineManager;
  @Autowired org.axonframework.config.Configuration axon;
  @Autowired ApplicationContext context;
  @Autowired CommandGateway commands;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired MeterRegistry meters;

  @Test
  void aggregatesGetTheDbSchedulerDeadlineManager() {
    assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
    assertThat(axon.deadlineManager()).as("what Axon hands to handlers").isSameAs(deadlineManager);
    assertThat(context.getBeansOfType(EventScheduler.class).values())
        .as("Axon's own db-scheduler auto-configuration stayed off")
        .noneMatch(DbSchedulerEventScheduler.class::isInstance);
  }

  /** Forgetting the setting fails loudly: Axon does not fall back to in-memory deadlines here. */
  @Test
  void withoutTheSettingAHandlerThatTakesADeadlineManagerFailsTheStart() {
    SpringApplicationBuilder disabled = new SpringApplicationBuilder(DeadlineTestApp.class).properties(
        "spring.datasource.url=" + db.jdbcUrl(),
        "spring.main.web-application-type=none",
        "gatehouse.deadlines.enabled=false",
        "gatehouse.security.issuer=http://127.0.0.1:1",
        "gatehouse.security.jwk-set-uri=http://127.0.0.1:1/jwks");
    assertThatThrownBy(() -> disabled.run().close())
        .rootCause().isInstanceOf(UnsupportedHandlerException.class)
        .hasMessageContaining("DeadlineManager");
  }

  @Test
  void aDeadlineFiresWithinAboutAPollingIntervalAndACancelledOneNever() {
    Instant now = Instant.now();
    commands.sendAndWait(new SetReminder("cancelled", now.plusSeconds(2)));
    commands.sendAndWait(new CancelReminder("cancelled"));
    commands.sendAndWait(new SetReminder("kept", now.plusSeconds(3)));

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> fired("kept").size() == 1);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class) == 0);
    assertThat(fired("cancelled")).isEmpty();

    JsonNode event = JsonMapper.builder().build().readTree(fired("kept").get(0));
    Duration late = Duration.between(Instant.parse(event.get("dueAt").asString()),
        Instant.parse(event.get("firedAt").asString()));
    System.out.println("deadline fired " + late.toMillis() + " ms after it was due");
    assertThat(late).isBetween(Duration.ZERO, Duration.ofSeconds(5));
    assertThat(meters.get("dbscheduler_task_completions").tags("task", "AxonDeadline", "result", "ok")
        .counter().count()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aDeadlineIsWrittenInTheTransactionThatSchedulesIt() {
    AggregateScopeDescriptor scope = new AggregateScopeDescriptor("Reminder", "tx");
    Instant later = Instant.now().plus(Duration.ofHours(1));
    AtomicReference<String> rolledBack = new AtomicReference<>();
    transactions.executeWithoutResult(tx -> {
      rolledBack.set(deadlineManager.schedule(later, Reminder.DUE, new ReminderDue("tx", later), scope));
      tx.setRollbackOnly();
    });
    assertThat(rows(rolledBack.get())).as("rolled back with the transaction").isZero();

    String committed = transactions.execute(tx -> deadlineManager.schedule(later, Reminder.DUE,
        new ReminderDue("tx", later), scope));
    assertThat(rows(committed)).isOne();
    deadlineManager.cancelSchedule(Reminder.DUE, committed);
    assertThat(rows(committed)).isZero();
  }

  private List<String> fired(String id) {
    return jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
        + " WHERE payload_type = ? AND aggregate_identifier = ?", String.class, ReminderFired.class.getName(), id);
  }

  private long rows(String deadlineId) {
    return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", Long.class,
        deadlineId);
  }
}
