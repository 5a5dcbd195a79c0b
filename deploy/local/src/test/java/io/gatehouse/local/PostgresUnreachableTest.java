package io.gatehouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresUnreachableTest {

  @TempDir
  Path dir;

  private final String closedUrl = "jdbc:postgresql://127.0.0.1:" + Ports.freePort() + "/postgres";

  @Test
  void startFailsWithWhatWasTriedAndHowToFixIt() {
    LocalStack stack = new LocalStack(LocalStack.Config.defaults(dir).withAdminJdbc(closedUrl, "postgres"),
        LocalStack.quiet());

    assertThatThrownBy(stack::start)
        .isInstanceOfSatisfying(LocalStackException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(2);
          assertThat(e.getMessage())
              .contains("PostgreSQL", closedUrl, "as user postgres", "refused",
                  "pg_ctlcluster 15 main start", "sudo service postgresql start", "--jdbc-url");
          assertThat(e.getStackTrace()).as("nothing to print but the message").isEmpty();
        });
    assertThat(stack.broker().isAlive()).isFalse();
    assertThat(stack.services()).isEmpty();
  }

  @Test
  void mainPrintsOnlyTheMessageAndReturnsStatus2() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = Main.run(new String[] {"--repo-root", dir.toString(), "--jdbc-url", closedUrl},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("\ngatehouse-local: Cannot use PostgreSQL: tried " + closedUrl)
        .contains("pg_ctlcluster 15 main start")
        .doesNotContain("Exception", "\tat ");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void theLauncherProcessExitsWith2AndNoStackTrace() throws Exception {
    Path output = dir.resolve("output.txt");
    Process process = new ProcessBuilder(List.of(Children.javaExecutable(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--repo-root", dir.toString(), "--jdbc-url", closedUrl))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(output);
    assertThat(process.exitValue()).as(text).isEqualTo(2);
    assertThat(text)
        .contains("Cannot use PostgreSQL", closedUrl, "pg_ctlcluster 15 main start")
        .doesNotContain("Exception", "\tat ", "SLF4J", "StatusLogger");
    assertThat(dir.resolve(".gatehouse/kafka")).doesNotExist();
  }
}
