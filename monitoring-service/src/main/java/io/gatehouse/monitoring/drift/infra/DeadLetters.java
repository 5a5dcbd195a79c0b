package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.monitoring.telemetry.domain.InvalidInput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Dead letters of the engine's inputs: the record as it came (key, value, headers), plus
 * {@code gatehouse_dlq_reason} (what was wrong, in words), {@code gatehouse_dlq_code} (the short
 * tag) and {@code gatehouse_dlq_consumer}; counted in {@code gatehouse_consumer_dead_letters_total}
 * {topic, reason}, the platform's metric.
 */
final class DeadLetters {

  static final String REASON = "gatehouse_dlq_reason";
  static final String CODE = "gatehouse_dlq_code";
  static final String CONSUMER = "gatehouse_dlq_consumer";

  private final MeterRegistry meters;
  private final String consumer;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  DeadLetters(MeterRegistry meters, String consumer) {
    this.meters = meters;
    this.consumer = consumer;
  }

  Record<String, byte[]> letter(Record<String, byte[]> record, String topic, InvalidInput why) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    headers.remove(REASON);
    headers.remove(CODE);
    headers.remove(CONSUMER);
    String message = why.getMessage() == null ? why.reason() : why.getMessage();
    headers.add(REASON, (message.length() > 2000 ? message.substring(0, 2000) : message).getBytes(StandardCharsets.UTF_8));
    headers.add(CODE, why.reason().getBytes(StandardCharsets.UTF_8));
    headers.add(CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
    counters.computeIfAbsent(topic + "|" + why.reason(), k -> Counter.builder("gatehouse.consumer.dead.letters")
        .description("Records sent to a dead-letter topic").tag("topic", topic).tag("reason", why.reason())
        .register(meters)).increment();
    return new Record<>(record.key(), record.value(), record.timestamp(), headers);
  }
}
