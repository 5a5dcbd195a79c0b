package io.gatehouse.monitoring.telemetry.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Dead letters of inputs that arrive over HTTP rather than Kafka (Alertmanager's webhook): the
 * input as received, with the same headers and metric as the engine's dead letters
 * ({@code gatehouse_dlq_reason}, {@code gatehouse_dlq_code}, {@code gatehouse_dlq_consumer};
 * {@code gatehouse_consumer_dead_letters_total{topic, reason}}).
 */
@Component
public class InputDeadLetters {

  private final KafkaTemplate<String, byte[]> kafka;
  private final MeterRegistry meters;

  public InputDeadLetters(KafkaTemplate<String, byte[]> gatehouseKafkaTemplate, MeterRegistry meters) {
    this.kafka = gatehouseKafkaTemplate;
    this.meters = meters;
  }

  /** Sends one dead letter and waits for the broker; {@code input} names where it came from. */
  public void send(String topic, String key, byte[] value, String input, String reason, String message) {
    RecordHeaders h = new RecordHeaders();
    h.add("gatehouse_dlq_reason", (message.length() > 2000 ? message.substring(0, 2000) : message)
        .getBytes(StandardCharsets.UTF_8));
    h.add("gatehouse_dlq_code", reason.getBytes(StandardCharsets.UTF_8));
    h.add("gatehouse_dlq_consumer", ("monitoring-service:" + input).getBytes(StandardCharsets.UTF_8));
    h.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    try {
      kafka.send(new ProducerRecord<>(topic, null, key, value, h)).get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while dead-lettering", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not dead-letter to " + topic + ": " + e.getMessage(), e);
    }
    Counter.builder("gatehouse.consumer.dead.letters").description("Records sent to a dead-letter topic")
        .tag("topic", input).tag("reason", reason).register(meters).increment();
  }
}
