package io.gatehouse.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.platform.context.Traceparent;
import io.gatehouse.platform.testapp.RegisterTestModel;
import io.gatehouse.platform.testapp.SeenRecorder;
import io.gatehouse.platform.testapp.TransportTestApp;
import io.gatehouse.testsupport.KafkaRecords;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import io.gatehouse.testsupport.TestIssuer;
import io.gatehouse.platform.testapp.TestModelController;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform against a real PostgreSQL and a real (in-JVM KRaft) Kafka broker: events leave the
 * event store as CloudEvents, are consumed once in effect, bad records go to the dead-letter topic,
 * and HTTP errors are problem details that say what was wrong.
 */
@SpringBootTest(classes = TransportTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 3)
@DirtiesContext
class PlatformIT {

  private static final String TOPIC = "gatehouse.registry.v1";

  @RegisterExtension
  static PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  /** One issuer for this class and BatchListenerIT, which reruns its tests; it stops with the JVM. */
  static final TestIssuer issuer = TestIssuer.start();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("gatehouse.security.issuer", issuer::issuer);
    registry.add("gatehouse.security.jwk-set-uri", issuer::jwksUri);
    registry.add("gatehouse.web.max-request-bytes", () -> "4096");
  }

  @Autowired CommandGateway commands;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionManager axonTransactionManager;
  @Autowired org.axonframework.config.Configuration axonConfiguration;
  @Autowired MeterRegistry meters;
  @Value("${spring.embedded.kafka.brokers}") String brokers;
  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void registeringTheSameIdentityTwiceIsAConflictNotAServerError() throws Exception {
    assertThat(post("/test/models", "{\"name\":\"dup\",\"tags\":[],\"count\":1}").statusCode()).isEqualTo(201);
    HttpResponse<String> second = post("/test/models", "{\"name\":\"dup\",\"tags\":[],\"count\":1}");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(second.body()).contains("\"code\":\"already-exists\"");
  }

  @Test
  void invalidFieldsAreNamedInTheProblem() throws Exception {
    HttpResponse<String> r = post("/test/models", "{\"name\":\"\",\"tags\":[\"ok\", \"\"],\"count\":1}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(r.body()).contains("\"code\":\"invalid-request\"").contains("name: must not be blank")
        .contains("tags[1]");
  }

  @Test
  void malformedJsonSaysWhereWithoutJavaNames() throws Exception {
    HttpResponse<String> broken = post("/test/models", "{\"name\": ");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("\"code\":\"malformed-request\"").contains("not valid JSON");
    HttpResponse<String> wrongType = post("/test/models", "{\"name\":\"a\",\"tags\":[],\"count\":\"many\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.body()).contains("Field 'count'").doesNotContain("java.").doesNotContain("int`");
  }

  @Test
  void invalidQueryParametersAreNamed() throws Exception {
    HttpResponse<String> r = get("/test/page?size=99", issuer.token("alice", "ENGINEERING"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("size: must be less than or equal to 10");
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return post(path, json, issuer.token("alice", "PLATFORM"));
  }

  private HttpResponse<String> post(String path, String json, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Stream<Arguments> refusedTokens() {
    return Stream.of(
        Arguments.of("no token", null),
        Arguments.of("alg none", issuer.unsigned("alice", "PLATFORM")),
        Arguments.of("HS256 signed with the RSA public key", issuer.hs256WithPublicKey("alice", "PLATFORM")),
        Arguments.of("tampered payload", issuer.tampered("alice", "PLATFORM")),
        Arguments.of("unknown kid", issuer.signedByUnknownKey("alice", "PLATFORM")),
        Arguments.of("wrong iss", issuer.token("alice", List.of("PLATFORM"), c -> c.issuer("https://evil.example"))),
        Arguments.of("wrong aud", issuer.token("alice", List.of("PLATFORM"), c -> c.audience("someone-else"))),
        Arguments.of("missing aud", issuer.token("alice", List.of("PLATFORM"), c -> c.audience((String) null))),
        Arguments.of("expired beyond the skew", issuer.token("alice", List.of("PLATFORM"), c -> c
            .issueTime(java.util.Date.from(java.time.Instant.now().minusSeconds(900)))
            .notBeforeTime(java.util.Date.from(java.time.Instant.now().minusSeconds(900)))
            .expirationTime(java.util.Date.from(java.time.Instant.now().minusSeconds(120))))),
        Arguments.of("missing exp", issuer.token("alice", List.of("PLATFORM"), c -> c.expirationTime(null))),
        Arguments.of("nbf in the future", issuer.token("alice", List.of("PLATFORM"),
            c -> c.notBeforeTime(java.util.Date.from(java.time.Instant.now().plusSeconds(300))))),
        Arguments.of("not a JWT", "abc.def.ghi"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  void refusesABadTokenWith401BeforeAnyHandlerRuns(String why, String token) throws Exception {
    int before = TestModelController.INVOCATIONS.get();
    HttpResponse<String> r = post("/test/models", "{\"name\":\"x\",\"tags\":[],\"count\":1}", token);
    assertThat(r.statusCode()).as(why).isEqualTo(401);
    assertThat(r.headers().firstValue("www-authenticate")).as(why).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(r.body()).contains("\"code\":\"unauthorized\"");
    assertThat(TestModelController.INVOCATIONS.get()).as(why + ": no handler invoked").isEqualTo(before);
  }

  @Test
  void aTokenWithinTheClockSkewIsAccepted() throws Exception {
    java.time.Instant now = java.time.Instant.now();
    String justExpired = issuer.token("alice", List.of("PLATFORM"), c -> c
        .issueTime(java.util.Date.from(now.minusSeconds(600)))
        .notBeforeTime(java.util.Date.from(now.minusSeconds(600)))
        .expirationTime(java.util.Date.from(now.minusSeconds(5))));
    HttpResponse<String> r = post("/test/whoami", "{}", justExpired);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void aCallerWithoutTheRoleIsRefusedWith403() throws Exception {
    int before = TestModelController.INVOCATIONS.get();
    HttpResponse<String> r = post("/test/models", "{\"name\":\"x\",\"tags\":[],\"count\":1}",
        issuer.token("eve", "ETHICS"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("\"code\":\"role-required\"").contains("POST /test/models");
    assertThat(TestModelController.INVOCATIONS.get()).isEqualTo(before);
  }

  @Test
  void whoActsComesFromTheTokenNeverTheBody() throws Exception {
    HttpResponse<String> r = post("/test/whoami", "{\"actor\":\"mallory\"}", issuer.token("alice", "PLATFORM"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"actor\":\"alice\"").contains("\"actorName\":\"Test alice\"");
  }

  @Test
  void probesAreOpenAndEverythingElseNeedsAToken() throws Exception {
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", issuer.token("eve", "ETHICS")).statusCode()).isEqualTo(403);
    assertThat(get("/actuator/prometheus", issuer.token("scraper", "SERVICE")).statusCode()).isEqualTo(200);
    assertThat(get("/no/such/endpoint", issuer.token("alice", "PLATFORM")).statusCode()).isEqualTo(403);
  }

  @Test
  void theOpenApiDocumentDescribesTheEndpointsAndTheirBearerSecurity() throws Exception {
    assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
    HttpResponse<String> doc = get("/v3/api-docs", issuer.token("eve", "ETHICS"));
    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(doc.body()).contains("\"title\":\"Gatehouse transport-test-app\"").contains("\"/test/models\"")
        .contains("\"scheme\":\"bearer\"");
  }

  @Test
  void anOversizedBodyIsRefusedWith413() throws Exception {
    String big = "{\"name\":\"x\",\"tags\":[\"" + "a".repeat(5000) + "\"],\"count\":1}";
    HttpResponse<String> r = post("/test/models", big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("request-too-large").contains("4096");
  }

  @Test
  void unknownFieldsAndDuplicateKeysAreRefused() throws Exception {
    HttpResponse<String> unknown = post("/test/models", "{\"name\":\"x\",\"tags\":[],\"count\":1,\"submittedBy\":\"mallory\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Unknown field 'submittedBy'");
    HttpResponse<String> duplicate = post("/test/models", "{\"name\":\"x\",\"name\":\"y\",\"tags\":[],\"count\":1}");
    assertThat(duplicate.statusCode()).isEqualTo(400);
  }

  @Test
  void axonCommitsEventsAndTokensInSpringTransactions() {
    assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
  }

  @Test
  void storedEventsOfAnOlderContractRevisionAreUpcast() {
    byte[] revision1 = ("{\"modelName\":\"m\",\"version\":1,\"cardRevision\":2,\"modelCard\":{\"intendedUse\":null,"
        + "\"outOfScopeUse\":null,\"usersAffected\":null,\"trainingData\":null,\"evaluationData\":null,\"metrics\":null,"
        + "\"fairnessConsiderations\":null,\"limitations\":null,\"ethicalConsiderations\":null,\"owners\":[]},"
        + "\"missingSections\":[],\"updatedBy\":\"alice\",\"updatedAt\":\"2025-01-23T09:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
    var stored = new org.axonframework.eventhandling.GenericDomainEventEntry<>("RegisteredModel", "m", 1, "e-1",
        "2025-01-23T09:00:00Z", io.gatehouse.contracts.registry.ModelCardUpdated.class.getName(), "1", revision1,
        "{}".getBytes(StandardCharsets.UTF_8));
    var upcast = axonConfiguration.upcasterChain()
        .upcast(Stream.of(new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(stored,
            axonConfiguration.eventSerializer())))
        .toList();
    assertThat(upcast).singleElement().satisfies(e -> assertThat(e.getType().getRevision()).isEqualTo("2"));
  }

  @Test
  void theActingIdentityTravelsOnKafka() throws Exception {
    assertThat(post("/test/models", "{\"name\":\"by-alice\",\"tags\":[],\"count\":1}").statusCode()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM seen WHERE model_key = 'by-alice'") == 1);
    ConsumerRecord<String, byte[]> r = KafkaRecords.readAll(brokers, TOPIC, Duration.ofSeconds(1)).stream()
        .filter(x -> "by-alice".equals(x.key())).findFirst().orElseThrow();
    assertThat(KafkaRecords.header(r, "gatehouse_actor")).isEqualTo("alice");
    assertThat(KafkaRecords.header(r, "gatehouse_actor_name")).isEqualTo("Test alice");
    assertThat(jdbc.queryForObject("SELECT actor FROM seen WHERE model_key = 'by-alice'", String.class)).isEqualTo("alice");
  }

  @Test
  void publishesEveryStoredEventAsACloudEventAndAppliesItOnce() {
    for (int i = 0; i < 30; i++) {
      commands.sendAndWait(new RegisterTestModel("flow-" + i));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM seen WHERE model_key LIKE 'flow-%'") == 30);

    List<String> stored = jdbc.queryForList(
        "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier LIKE 'flow-%'", String.class);
    assertThat(jdbc.queryForList("SELECT event_id FROM seen WHERE model_key LIKE 'flow-%'", String.class))
        .containsExactlyInAnyOrderElementsOf(stored);

    List<ConsumerRecord<String, byte[]>> records = KafkaRecords.readAll(brokers, TOPIC, Duration.ofSeconds(2));
    ConsumerRecord<String, byte[]> r = records.stream().filter(x -> "flow-7".equals(x.key())).findFirst().orElseThrow();
    assertThat(KafkaRecords.header(r, "ce_specversion")).isEqualTo("1.0");
    assertThat(KafkaRecords.header(r, "ce_type")).isEqualTo("io.gatehouse.registry.ModelRegistered.v1");
    assertThat(KafkaRecords.header(r, "ce_source")).isEqualTo("/gatehouse/registry");
    assertThat(KafkaRecords.header(r, "ce_subject")).isEqualTo("models/flow-7");
    assertThat(KafkaRecords.header(r, "ce_dataschema")).isEqualTo("urn:gatehouse:schema:io.gatehouse.registry.ModelRegistered.v1");
    assertThat(KafkaRecords.header(r, "content-type")).isEqualTo("application/json");
    assertThat(KafkaRecords.header(r, "ce_time")).isNotBlank();
    assertThat(Traceparent.isValid(KafkaRecords.header(r, "traceparent"))).isTrue();
    assertThat(stored).contains(KafkaRecords.header(r, "ce_id"));
    ModelRegistered payload = EventJson.mapper().readValue(r.value(), ModelRegistered.class);
    assertThat(payload.modelName()).isEqualTo("flow-7");
  }

  @Test
  void aRedeliveredEventTakesEffectOnce() {
    commands.sendAndWait(new RegisterTestModel("twice"));
    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM seen WHERE model_key = 'twice'") == 1);
    ConsumerRecord<String, byte[]> original = KafkaRecords.readAll(brokers, TOPIC, Duration.ofSeconds(1)).stream()
        .filter(x -> "twice".equals(x.key())).findFirst().orElseThrow();
    double repeatsBefore = meters.counter("gatehouse.consumer.events", "outcome", "repeat").count();

    KafkaRecords.send(brokers, new ProducerRecord<>(TOPIC, null, original.key(), original.value(), original.headers()));

    await().atMost(Duration.ofSeconds(30)).until(
        () -> meters.counter("gatehouse.consumer.events", "outcome", "repeat").count() > repeatsBefore);
    assertThat(count("SELECT count(*) FROM seen WHERE model_key = 'twice'")).isEqualTo(1);
  }

  @Test
  void malformedAndRefusedRecordsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
    ConsumerRecord<String, byte[]> template = publishedRecordOf("dlq-template");

    ProducerRecord<String, byte[]> noType = new ProducerRecord<>(TOPIC, null, "no-type",
        "{}".getBytes(StandardCharsets.UTF_8), template.headers());
    noType.headers().remove("ce_type");
    noType.headers().remove("ce_id").add("ce_id", "no-type-1".getBytes(StandardCharsets.UTF_8));
    KafkaRecords.send(brokers, noType);

    ProducerRecord<String, byte[]> badJson = new ProducerRecord<>(TOPIC, null, "bad-json",
        "{not json".getBytes(StandardCharsets.UTF_8), template.headers());
    badJson.headers().remove("ce_id").add("ce_id", "bad-json-1".getBytes(StandardCharsets.UTF_8));
    KafkaRecords.send(brokers, badJson);

    ProducerRecord<String, byte[]> poison = new ProducerRecord<>(TOPIC, null, "poison-1", template.value(),
        template.headers());
    poison.headers().remove("ce_id").add("ce_id", "poison-1".getBytes(StandardCharsets.UTF_8));
    KafkaRecords.send(brokers, poison);

    commands.sendAndWait(new RegisterTestModel("after-the-bad-ones"));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> count("SELECT count(*) FROM seen WHERE model_key = 'after-the-bad-ones'") == 1);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<ConsumerRecord<String, byte[]>> dead = KafkaRecords.readAll(brokers, TOPIC + ".dlq", Duration.ofSeconds(1));
      assertThat(dead).extracting(ConsumerRecord::key).contains("no-type", "bad-json", "poison-1");
      assertThat(dead).filteredOn(d -> "no-type".equals(d.key())).first()
          .satisfies(d -> assertThat(KafkaRecords.header(d, "gatehouse_dlq_reason")).contains("ce_type"));
      assertThat(dead).filteredOn(d -> "bad-json".equals(d.key())).first()
          .satisfies(d -> assertThat(KafkaRecords.header(d, "gatehouse_dlq_reason")).contains("does not match its schema"));
      assertThat(dead).filteredOn(d -> "poison-1".equals(d.key())).first()
          .satisfies(d -> {
            assertThat(KafkaRecords.header(d, "gatehouse_dlq_reason")).contains("refuses poison-1");
            assertThat(KafkaRecords.header(d, "gatehouse_dlq_consumer")).isEqualTo("transport-test-app");
          });
    });
    assertThat(meters.counter("gatehouse.consumer.dead.letters", "topic", TOPIC, "reason", "missing-header").count())
        .isEqualTo(1.0);
    assertThat(meters.counter("gatehouse.consumer.dead.letters", "topic", TOPIC, "reason", "bad-payload").count())
        .isEqualTo(1.0);
    assertThat(meters.counter("gatehouse.consumer.dead.letters", "topic", TOPIC, "reason", "processing-failed").count())
        .isEqualTo(1.0);
    assertThat(count("SELECT count(*) FROM seen WHERE model_key IN ('no-type', 'bad-json', 'poison-1')")).isZero();
  }

  @Test
  void recordsOfATypeNoConsumerAcceptsArePassedOverUnparsedWithoutAnInboxRow() {
    ConsumerRecord<String, byte[]> template = publishedRecordOf("pass-template");
    double before = meters.counter("gatehouse.consumer.events", "outcome", "passed-over").count();

    // not even valid JSON: had it been parsed, it would have gone to the dead-letter topic
    ProducerRecord<String, byte[]> unwanted = new ProducerRecord<>(TOPIC, null, "unwanted",
        "{not json".getBytes(StandardCharsets.UTF_8), template.headers());
    unwanted.headers().remove("ce_type").add("ce_type", SeenRecorder.PASSED_OVER.getBytes(StandardCharsets.UTF_8));
    unwanted.headers().remove("ce_id").add("ce_id", "unwanted-1".getBytes(StandardCharsets.UTF_8));
    KafkaRecords.send(brokers, unwanted);
    commands.sendAndWait(new RegisterTestModel("after-the-unwanted"));

    await().atMost(Duration.ofSeconds(30))
        .until(() -> count("SELECT count(*) FROM seen WHERE model_key = 'after-the-unwanted'") == 1);
    await().atMost(Duration.ofSeconds(30)).until(
        () -> meters.counter("gatehouse.consumer.events", "outcome", "passed-over").count() == before + 1);
    assertThat(count("SELECT count(*) FROM inbox WHERE event_id = 'unwanted-1'")).isZero();
    assertThat(count("SELECT count(*) FROM seen WHERE model_key = 'unwanted'")).isZero();
    assertThat(KafkaRecords.readAll(brokers, TOPIC + ".dlq", Duration.ofSeconds(1)))
        .extracting(ConsumerRecord::key).doesNotContain("unwanted");
  }

  private ConsumerRecord<String, byte[]> publishedRecordOf(String name) {
    commands.sendAndWait(new RegisterTestModel(name));
    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM seen WHERE model_key = '" + name + "'") == 1);
    return KafkaRecords.readAll(brokers, TOPIC, Duration.ofSeconds(1)).stream()
        .filter(x -> name.equals(x.key())).findFirst().orElseThrow();
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}
