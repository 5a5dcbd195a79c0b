package io.gatehouse.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Reading and writing raw records in tests, outside any service. */
public final class KafkaRecords {

  private KafkaRecords() {}

  /** Every record of {@code topic} from the beginning, reading until none arrives for {@code idle}. */
  public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, Duration idle) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
             new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long quietSince = System.nanoTime();
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (System.nanoTime() - quietSince < idle.toNanos() && System.nanoTime() < deadline) {
        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
        if (!batch.isEmpty()) {
          batch.forEach(all::add);
          quietSince = System.nanoTime();
        }
      }
    }
    return all;
  }

  /** A header's value as text, or null. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Sends one record and waits for the broker's acknowledgement. */
  public static void send(String bootstrap, ProducerRecord<String, byte[]> record) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
             new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not send test record", e);
    }
  }

  /**
   * Waits until consumer group {@code group} has committed, on every partition of {@code topics}, the
   * offset after the last record written there: everything sent before this call was consumed. The
   * exact replacement for sleeping before an absence check (a record that had no effect). On a topic
   * written in transactions the log ends with commit markers, which a consumer never commits past: a
   * partition counts as consumed when a read-committed reader finds no record after the group's offset.
   */
  public static void awaitConsumed(String bootstrap, String group, Duration timeout, String... topics) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p); KafkaConsumer<byte[], byte[]> reader = committedReader(bootstrap)) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(List.of(topics)).allTopicNames().get().values().forEach(d -> d.partitions()
          .forEach(part -> latest.put(new TopicPartition(d.name(), part.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
      Awaitility.await("consumer group " + group + " catching up with " + List.of(topics)).atMost(timeout)
          .pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            List<String> behind = new ArrayList<>();
            ends.forEach((tp, end) -> {
              OffsetAndMetadata c = committed.get(tp);
              if (end > 0 && (c == null || c.offset() < end && !onlyMarkersLeft(reader, tp, c.offset(), end))) {
                behind.add(tp + " at " + (c == null ? "none" : c.offset()) + " of " + end);
              }
            });
            if (!behind.isEmpty()) {
              throw new AssertionError("behind: " + behind);
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("could not read the offsets of " + group, e.getCause());
    }
  }

  private static KafkaConsumer<byte[], byte[]> committedReader(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Whether {@code [from, end)} of the partition holds no committed record, only transaction markers
   * (and aborted records): a read-committed reader placed at {@code from} reaches {@code end} empty-handed.
   */
  private static boolean onlyMarkersLeft(KafkaConsumer<byte[], byte[]> reader, TopicPartition tp, long from, long end) {
    reader.assign(List.of(tp));
    reader.seek(tp, from);
    long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
    while (System.nanoTime() < deadline) {
      if (!reader.poll(Duration.ofMillis(100)).isEmpty()) {
        return false;
      }
      if (reader.position(tp) >= end) {
        return true;
      }
    }
    return false;
  }
}
