package io.gatehouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

  private static final String TOPIC = "it-events";
  private static final String GROUP = "it-group";

  @TempDir
  Path stateDir;

  @Test
  void keepsRecordsAndCommittedOffsetsAcrossSigkillAndRestart() throws Exception {
    int port = Ports.freeBlock(2);
    KafkaBroker broker = new KafkaBroker(stateDir, port, port + 1);
    try {
      long t0 = System.nanoTime();
      broker.start();
      Duration firstStart = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(broker.isAlive()).isTrue();
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(firstStart).as("first start, formatting included").isLessThan(Duration.ofSeconds(30));
      assertThat(broker.logFile()).content().contains("Kafka Server started");
      String clusterId = clusterId();

      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
      produce(broker, "model-1", "before-crash");
      try (KafkaConsumer<String, String> consumer = groupConsumer(broker)) {
        assertThat(pollUntil(consumer, values -> values.contains("before-crash"))).contains("before-crash");
        consumer.commitSync(Duration.ofSeconds(10));
      }

      broker.kill();
      assertThat(broker.isAlive()).isFalse();

      t0 = System.nanoTime();
      broker.start();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("restart").isLessThan(Duration.ofSeconds(30));
      assertThat(clusterId()).as("the data directory was not formatted again").isEqualTo(clusterId);

      try (KafkaConsumer<String, String> all = plainConsumer(broker)) {
        List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1),
            new TopicPartition(TOPIC, 2));
        all.assign(partitions);
        all.seekToBeginning(partitions);
        assertThat(pollUntil(all, values -> values.contains("before-crash"))).containsExactly("before-crash");
      }

      produce(broker, "model-1", "after-restart");
      try (KafkaConsumer<String, String> consumer = groupConsumer(broker)) {
        assertThat(pollUntil(consumer, values -> values.contains("after-restart")))
            .as("the group resumes after its committed offset")
            .containsExactly("after-restart");
      }
    } finally {
      broker.stop();
    }
    assertThat(broker.isAlive()).isFalse();
  }

  private String clusterId() throws IOException {
    Properties meta = new Properties();
    try (Reader r = Files.newBufferedReader(stateDir.resolve("kafka/data/meta.properties"))) {
      meta.load(r);
    }
    return meta.getProperty("cluster.id");
  }

  private static void produce(KafkaBroker broker, String key, String value) throws Exception {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static KafkaConsumer<String, String> groupConsumer(KafkaBroker broker) {
    Map<String, Object> config = new java.util.HashMap<>(consumerConfig(broker));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(TOPIC));
    return consumer;
  }

  private static KafkaConsumer<String, String> plainConsumer(KafkaBroker broker) {
    return new KafkaConsumer<>(consumerConfig(broker));
  }

  private static Map<String, Object> consumerConfig(KafkaBroker broker) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
  }

  /** Every value polled until {@code done} holds for them, or 30 s passed. */
  private static List<String> pollUntil(KafkaConsumer<String, String> consumer, Predicate<List<String>> done) {
    List<String> values = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.test(values) && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        values.add(r.value());
      }
    }
    return values;
  }
}
