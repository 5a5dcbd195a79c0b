package io.gatehouse.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.platform.context.Traceparent;
import io.gatehouse.platform.testapp.RegisterTestModel;
import io.gatehouse.platform.testapp.TransportTestApp;
import io.gatehouse.testsupport.KafkaRecords;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
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

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
  }

  @Autowired CommandGateway commands;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionManager axonTransactionManager;
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
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/page?size=99"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("size: must be less than or equal to 10");
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void axonCommitsEventsAndTokensInSpringTransactions() {
    assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
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
