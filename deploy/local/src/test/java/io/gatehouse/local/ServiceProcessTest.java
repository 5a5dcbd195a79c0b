package io.gatehouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

  @TempDir
  Path stateDir;

  @Test
  void commandFollowsTheServiceContract() {
    ServiceProcess s = new ServiceProcess("registry-service", Path.of("/r/registry-service/target/r-exec.jar"), 8081,
        stateDir, List.of("-Xmx512m"), List.of("--spring.kafka.bootstrap-servers=127.0.0.1:9092"));

    assertThat(s.command()).containsSubsequence("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
        "-Xmx512m", "-jar", "/r/registry-service/target/r-exec.jar", "--server.port=8081",
        "--spring.kafka.bootstrap-servers=127.0.0.1:9092");
    assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:8081");
    assertThat(s.logFile()).isEqualTo(stateDir.resolve("logs/registry-service.log"));
    assertThat(s.pid()).isEqualTo(-1);
  }

  @Test
  void anExtraArgumentReplacesOursInsteadOfJoiningIt() {
    ServiceProcess s = new ServiceProcess("x", Path.of("x-exec.jar"), 8081, stateDir, List.of(),
        List.of("--server.port=9999"));

    assertThat(s.command()).contains("--server.port=9999").doesNotContain("--server.port=8081");
    assertThat(ServiceProcess.mergeArgs(List.of("--a=1", "--b=2", "plain"), List.of("--b=3")))
        .containsExactly("--a=1", "plain", "--b=3");
  }

  @Test
  void awaitReadyNamesTheServiceAndQuotesItsLogWhenItDies() {
    ServiceProcess s = new ServiceProcess("ghost-service", stateDir.resolve("missing-exec.jar"), Ports.freePort(),
        stateDir, List.of(), List.of());
    s.start();

    assertThatThrownBy(() -> s.awaitReady(Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(LocalStackException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
        .hasMessageContaining("ghost-service exited with code 1 before it was ready")
        .hasMessageContaining("Unable to access jarfile");
    assertThat(s.isAlive()).isFalse();
  }
}
