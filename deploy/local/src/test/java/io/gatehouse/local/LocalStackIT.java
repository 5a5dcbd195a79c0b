package io.gatehouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole lifecycle against the real PostgreSQL and a real broker, with {@link FakeService} jars
 * standing in for the five services and the identity provider (the real ones are not started by this
 * module's tests, except by {@link SystemIT}).
 */
class LocalStackIT {

  @TempDir
  Path repoRoot;

  private final String dbPrefix = "gh_it_" + UUID.randomUUID().toString().substring(0, 8) + "_";
  private LocalStack.Config config;

  @BeforeEach
  void fakeRepository() throws Exception {
    for (LocalStack.ServiceDefinition s : LocalStack.SERVICES) {
      TestSupport.writeFakeServiceJar(repoRoot, s.name());
    }
    TestSupport.writeFakeServiceJar(repoRoot, LocalStack.IDENTITY_PROVIDER);
    config = TestSupport.onFreePorts(LocalStack.Config.defaults(repoRoot))
        .withDbPrefix(dbPrefix)
        .withReadyTimeout(Duration.ofSeconds(60));
  }

  @AfterEach
  void dropDatabases() throws Exception {
    TestSupport.dropDatabasesWithPrefix(dbPrefix);
  }

  @Test
  void startsEverythingWiredTogetherAndStopsItAgain() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LocalStack stack = new LocalStack(config.withAppArgs("monitoring-service", "--fake.extra=yes")
        .withJvmArgs("approval-service", "-Dfake.jvm=yes"), new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      stack.start();

      assertThat(stack.broker().isAlive()).isTrue();
      assertThat(stack.services()).hasSize(5).allSatisfy(s -> assertThat(s.isReady()).isTrue());
      for (LocalStack.ServiceDefinition d : LocalStack.SERVICES) {
        assertThat(TestSupport.databaseExists(dbPrefix + d.databaseSuffix())).isTrue();
      }
      ServiceProcess approval = stack.service("approval-service");
      assertThat(approval.port()).isEqualTo(config.basePort() + 1);
      assertThat(approval.logFile()).content()
          .contains("arg --server.port=" + approval.port())
          .contains("arg --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + dbPrefix + "approval")
          .contains("arg --spring.datasource.username=postgres")
          .contains("arg --spring.kafka.bootstrap-servers=" + stack.broker().bootstrapServers());
      assertThat(stack.service("monitoring-service").logFile()).content().contains("arg --fake.extra=yes");
      // approval-service's fixed heap with a large young generation, then the config's options for it
      assertThat(approval.command()).containsSubsequence("-Xmx384m", "-Xms384m", "-Xmn192m", "-Dfake.jvm=yes", "-jar");
      assertThat(stack.service("registry-service").command()).doesNotContain("-Xmn192m", "-Dfake.jvm=yes");

      // The identity provider: its issuer and key file, and every service trusts that issuer.
      ServiceProcess idp = stack.service(LocalStack.IDENTITY_PROVIDER);
      String issuer = "http://127.0.0.1:" + config.idpPort();
      assertThat(idp).isSameAs(stack.identityProvider());
      assertThat(idp.port()).isEqualTo(config.idpPort());
      assertThat(idp.isReady()).isTrue();
      assertThat(stack.services()).doesNotContain(idp);
      assertThat(idp.logFile()).content()
          .contains("arg --server.port=" + config.idpPort())
          .contains("arg --gatehouse.idp.issuer=" + issuer)
          .contains("arg --gatehouse.idp.key-file=" + config.stateDir().resolve("idp/signing-key.json"))
          .doesNotContain("datasource", "kafka");
      for (ServiceProcess service : stack.services()) {
        assertThat(service.logFile()).content()
            .contains("arg --gatehouse.security.issuer=" + issuer)
            .contains("arg --gatehouse.security.jwk-set-uri=" + issuer + "/oauth2/jwks");
      }
      assertThat(TestSupport.databaseExists(dbPrefix + "identity-provider")).isFalse();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("Gatehouse local stack ready in", "audit-projection", approval.baseUrl(), "approval-service.log")
          .contains("identity-provider", idp.baseUrl(), "identity-provider.log", idp.baseUrl() + "/dev/token");

      long oldPid = approval.pid();
      approval.kill();
      assertThat(approval.isAlive()).isFalse();
      approval.start();
      approval.awaitReady(Duration.ofSeconds(30));
      assertThat(approval.pid()).isNotEqualTo(oldPid);
      approval.restart();
      approval.awaitReady(Duration.ofSeconds(30));
      assertThat(approval.isReady()).isTrue();
    } finally {
      stack.stop();
    }
    assertThat(stack.services()).noneMatch(ServiceProcess::isAlive);
    assertThat(stack.identityProvider().isAlive()).isFalse();
    assertThat(stack.broker().isAlive()).isFalse();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("Stopped.");
    assertThat(printed.indexOf("Stopping identity-provider")).as("services, then the identity provider, then Kafka")
        .isGreaterThan(printed.indexOf("Stopping registry-service"))
        .isLessThan(printed.indexOf("Stopping Kafka"));
  }

  @Test
  void theServicesStartOnlyOnceTheIdentityProviderIsReady() {
    LocalStack stack = new LocalStack(config.withAppArgs(LocalStack.IDENTITY_PROVIDER, "--fake.mode=unready")
        .withReadyTimeout(Duration.ofSeconds(5)), LocalStack.quiet());

    assertThatThrownBy(stack::start)
        .isInstanceOfSatisfying(LocalStackException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
        .hasMessageContaining("identity-provider was not ready within 5 s");
    assertThat(stack.services()).as("no service started").isEmpty();
    assertThat(stack.identityProvider().isAlive()).isFalse();
    assertThat(stack.broker().isAlive()).isFalse();
  }

  @Test
  void aServiceThatDiesFailsTheStartWithItsNameAndLogAndStopsTheRest() {
    LocalStack stack = new LocalStack(config.withAppArgs("audit-projection", "--fake.mode=die"), LocalStack.quiet());

    assertThatThrownBy(stack::start)
        .isInstanceOfSatisfying(LocalStackException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
        .hasMessageContaining("audit-projection exited with code 3 before it was ready")
        .hasMessageContaining("boom: this fake service refuses to start");
    assertThat(stack.services()).noneMatch(ServiceProcess::isAlive);
    assertThat(stack.identityProvider().isAlive()).isFalse();
    assertThat(stack.broker().isAlive()).isFalse();
  }

  @Test
  void aServiceNeverReadyFailsAfterTheTimeout() {
    LocalStack stack = new LocalStack(config.withServices(java.util.List.of("registry-service"))
        .withAppArgs("registry-service", "--fake.mode=unready")
        .withReadyTimeout(Duration.ofSeconds(3)), LocalStack.quiet());

    assertThatThrownBy(stack::start)
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("registry-service was not ready within 3 s")
        .hasMessageContaining("/actuator/health/readiness did not answer 200");
    assertThat(stack.services()).noneMatch(ServiceProcess::isAlive);
  }

  @Test
  void aTakenPortIsNamedWithItsOwner() throws Exception {
    try (ServerSocket squatter = new ServerSocket(config.kafkaPort(), 1, InetAddress.getByName("127.0.0.1"))) {
      LocalStack stack = new LocalStack(config, LocalStack.quiet());

      assertThatThrownBy(stack::start)
          .isInstanceOfSatisfying(LocalStackException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
          .hasMessageContaining("port " + config.kafkaPort() + " (Kafka) is in use")
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("--kafka-port");
    }
  }

  @Test
  void aTakenIdentityProviderPortIsNamedToo() throws Exception {
    try (ServerSocket squatter = new ServerSocket(config.idpPort(), 1, InetAddress.getByName("127.0.0.1"))) {
      LocalStack stack = new LocalStack(config, LocalStack.quiet());

      assertThatThrownBy(stack::start)
          .isInstanceOfSatisfying(LocalStackException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
          .hasMessageContaining("port " + config.idpPort() + " (identity provider) is in use")
          .hasMessageContaining("--idp-port");
      assertThat(stack.identityProvider()).isNull();
    }
  }

  @Test
  void missingJarsSayHowToBuild(@TempDir Path emptyRepo) {
    LocalStack.Config noJars = LocalStack.Config.defaults(emptyRepo)
        .withKafkaPorts(config.kafkaPort(), config.controllerPort()).withIdpPort(config.idpPort())
        .withBasePort(config.basePort());
    LocalStack empty = new LocalStack(noJars, LocalStack.quiet());

    assertThatThrownBy(empty::start)
        .isInstanceOfSatisfying(LocalStackException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
        .hasMessageContaining("No runnable jar for registry-service, approval-service, validation-service")
        .hasMessageContaining("audit-projection, identity-provider")
        .hasMessageContaining("mvn -B -q -DskipTests package");
    assertThat(empty.broker().isAlive()).isFalse();
  }
}
