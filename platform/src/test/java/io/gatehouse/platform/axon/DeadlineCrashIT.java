package io.gatehouse.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.platform.deadlinetestapp.DeadlineTestApp;
import io.gatehouse.platform.deadlinetestapp.ReminderFired;
import io.gatehouse.platform.deadlinetestapp.ReminderSet;
import io.gatehouse.testsupport.ChildJvm;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules a deadline in one service process, kills that process (SIGKILL) before the deadline is
 * due, starts a fresh process on the same database and checks that the deadline fires there, once.
 */
class DeadlineCrashIT {

  private static final String ID = "crash-1";

  @RegisterExtension
  static PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  @TempDir
  static Path logs;

  @Test
  void aDeadlineScheduledBeforeACrashFiresInTheNextProcess() throws Exception {
    try (ChildJvm first = service(logs.resolve("first.log"),
        "--test.reminder.id=" + ID, "--test.reminder.delay=PT10S")) {
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
          .failFast("the first process died", died(first))
          .ignoreExceptionsInstanceOf(SQLException.class) // until Flyway has created the tables
          .until(() -> count(ReminderSet.class) == 1);
      first.kill();
      assertThat(first.isAlive()).isFalse();
    }
    assertThat(count(ReminderFired.class)).as("killed before the deadline was due").isZero();
    assertThat(query("SELECT picked::text FROM scheduled_tasks")).as("the deadline is stored, not picked")
        .containsExactly("false");

    try (ChildJvm second = service(logs.resolve("second.log"))) {
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
          .failFast("the second process died", died(second))
          .until(() -> count(ReminderFired.class) == 1);
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> query("SELECT count(*) FROM scheduled_tasks").equals(List.of("0")));
      assertThat(second.log()).contains("Deadline scheduler started");
    }
    assertThat(count(ReminderFired.class)).as("fired once").isEqualTo(1);
    assertThat(query("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = '"
        + ReminderFired.class.getName() + "'")).containsExactly(ID);
  }

  private ChildJvm service(Path log, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + db.jdbcUrl(),
        "--spring.application.name=deadline-test-app",
        "--gatehouse.deadlines.enabled=true",
        "--server.port=0",
        // the child serves no requests in this test; the decoder only needs its settings
        "--gatehouse.security.issuer=http://127.0.0.1:1",
        "--gatehouse.security.jwk-set-uri=http://127.0.0.1:1/jwks"));
    args.addAll(List.of(extra));
    return ChildJvm.start(DeadlineTestApp.class.getName(),
        List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args, log);
  }

  /** True once the process has ended, after printing the end of its log (the log folder is deleted). */
  private static Callable<Boolean> died(ChildJvm jvm) {
    return () -> {
      if (jvm.isAlive()) {
        return false;
      }
      System.out.println(jvm.logTail(80));
      return true;
    };
  }

  private static long count(Class<?> eventType) throws SQLException {
    return Long.parseLong(query("SELECT count(*) FROM domain_event_entry WHERE payload_type = '"
        + eventType.getName() + "'").get(0));
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
