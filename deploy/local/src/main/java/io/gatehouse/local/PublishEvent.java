package io.gatehouse.local;

import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.GatehouseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.core.JacksonException;

/**
 * {@code ./gatehouse-local publish <event type> '<json>'}: sends one event of the published language
 * to the local stack's Kafka as a CloudEvent, the way a service would. It stands in for services not
 * built yet on the local stack (validation's {@code GatePassed}, monitoring's {@code DriftDetected});
 * the JSON is checked against the event's record before anything is sent.
 */
public final class PublishEvent {

  private PublishEvent() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args[0].equals("--help")) {
      System.err.println("""
          usage: ./gatehouse-local publish <event type> '<json>' [--bootstrap 127.0.0.1:9092]
            <event type>  a CloudEvents type (io.gatehouse.validation.GatePassed.v1) or its short name (GatePassed)
          Event types: """ + EventCatalog.all().stream().map(e -> e.javaType().getSimpleName()).toList());
      System.exit(args.length > 0 && args[0].equals("--help") ? 0 : 2);
    }
    String bootstrap = args.length >= 4 && args[2].equals("--bootstrap") ? args[3] : "127.0.0.1:9092";
    EventCatalog.Entry entry = EventCatalog.byType(args[0]).or(() -> EventCatalog.all().stream()
        .filter(e -> e.javaType().getSimpleName().equals(args[0])).findFirst()).orElse(null);
    if (entry == null) {
      System.err.println("publish: unknown event type " + args[0] + "; known: "
          + EventCatalog.all().stream().map(e -> e.javaType().getSimpleName()).toList());
      System.exit(2);
      return;
    }
    GatehouseEvent event;
    try {
      event = (GatehouseEvent) EventJson.mapper().readValue(args[1], entry.javaType());
    } catch (JacksonException e) {
      System.err.println("publish: the JSON is not a valid " + entry.type() + ": " + e.getOriginalMessage());
      System.exit(2);
      return;
    }
    byte[] data = EventJson.mapper().writeValueAsBytes(event);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(entry.source().topic(), null,
        event.partitionKey(), data);
    String id = UUID.randomUUID().toString();
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", id);
    header(record, "ce_type", entry.type());
    header(record, "ce_source", entry.source().source());
    header(record, "ce_subject", event.subject());
    header(record, "ce_time", Instant.now().toString());
    header(record, "ce_dataschema", entry.dataSchema());
    header(record, "content-type", "application/json");
    header(record, "traceparent", "00-" + hex(16) + "-" + hex(8) + "-01");
    header(record, "gatehouse_actor", "dev:" + System.getProperty("user.name", "local"));
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      RecordMetadata m = producer.send(record).get(15, TimeUnit.SECONDS);
      System.out.println("published " + entry.type() + " " + id + " to " + m.topic() + "/" + m.partition() + "@"
          + m.offset());
    }
  }

  private static void header(ProducerRecord<String, byte[]> record, String key, String value) {
    record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    b[0] |= 1;
    return HexFormat.of().formatHex(b);
  }
}
