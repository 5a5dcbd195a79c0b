package io.gatehouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir
  Path root;

  @Test
  void defaultsFollowTheDesignPorts() {
    LocalStack.Config c = Main.parse(new String[0], root);

    assertThat(c.stateDir()).isEqualTo(root.resolve(".gatehouse"));
    assertThat(c.kafkaPort()).isEqualTo(9092);
    assertThat(c.controllerPort()).isEqualTo(9093);
    assertThat(c.portOf("registry-service")).isEqualTo(8081);
    assertThat(c.portOf("audit-projection")).isEqualTo(8085);
    assertThat(c.idpPort()).isEqualTo(9000);
    assertThat(c.portOf(LocalStack.IDENTITY_PROVIDER)).isEqualTo(9000);
    assertThat(c.issuer()).isEqualTo("http://127.0.0.1:9000");
    assertThat(c.jdbcUrlOf("approval-service")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/gatehouse_approval");
    assertThat(c.services()).hasSize(5);
  }

  @Test
  void optionsMoveTheStack() {
    LocalStack.Config c = Main.parse(new String[] {"--state-dir", "/tmp/x", "--kafka-port=19092", "--base-port", "18081",
        "--db-prefix", "demo_", "--jdbc-url", "jdbc:postgresql://db:6543/postgres?sslmode=disable",
        "--services", "registry-service,audit-projection", "--idp-port=19000", "--no-build"}, root);

    assertThat(c.stateDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(c.controllerPort()).isEqualTo(19093);
    assertThat(c.portOf("validation-service")).isEqualTo(18083);
    assertThat(c.jdbcUrlOf("audit-projection")).isEqualTo("jdbc:postgresql://db:6543/demo_audit?sslmode=disable");
    assertThat(c.services()).containsExactly("registry-service", "audit-projection");
    assertThat(c.idpPort()).isEqualTo(19000);
    assertThat(c.issuer()).isEqualTo("http://127.0.0.1:19000");
    assertThat(Main.parse(new String[] {"--services", "none"}, root).services()).isEmpty();
  }

  @Test
  void helpYieldsNoConfig() {
    assertThat(Main.parse(new String[] {"--kafka-port", "1", "--help"}, root)).isNull();
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--kafka-port", "ninety"}, root))
        .isInstanceOfSatisfying(LocalStackException.class, e -> assertThat(e.exitCode()).isEqualTo(64))
        .hasMessageContaining("--kafka-port needs a port number");
    assertThatThrownBy(() -> Main.parse(new String[] {"--frobnicate"}, root)).hasMessageContaining("Unknown option");
    assertThatThrownBy(() -> Main.parse(new String[] {"--state-dir"}, root)).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Main.parse(new String[] {"--services", "billing-service"}, root))
        .hasMessageContaining("Unknown service 'billing-service'");
    assertThatThrownBy(() -> Main.parse(new String[] {"--db-prefix", "Drop Table"}, root))
        .hasMessageContaining("database prefix");
    assertThatThrownBy(() -> Main.parse(new String[] {"--kafka-port", "8082"}, root))
        .hasMessageContaining("collide");
    assertThatThrownBy(() -> Main.parse(new String[] {"--idp-port", "8083"}, root))
        .hasMessageContaining("identity provider port 8083 collides");
    assertThatThrownBy(() -> Main.parse(new String[] {"--idp-port", "9092"}, root))
        .hasMessageContaining("collides");
  }
}
