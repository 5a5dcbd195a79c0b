package io.gatehouse.testsupport;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of a service's integration tests: the whole service on a random port, against a fresh
 * PostgreSQL database, a Kafka broker in the test JVM, and a {@link TestIssuer} for its tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 3)
@DirtiesContext
public abstract class ServiceIT {

  @RegisterExtension
  protected static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  /** One issuer for every test class in the JVM; it stops with the JVM. */
  protected static final TestIssuer issuer = TestIssuer.start();

  @DynamicPropertySource
  static void serviceProperties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("gatehouse.security.issuer", issuer::issuer);
    registry.add("gatehouse.security.jwk-set-uri", issuer::jwksUri);
  }

  @LocalServerPort
  protected int port;

  protected String baseUrl() {
    return "http://127.0.0.1:" + port;
  }
}
