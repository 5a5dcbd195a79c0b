package io.gatehouse.platform.kafka;

import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.GatehouseEvent;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.Traceparent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.EventMessage;
import tools.jackson.core.JacksonException;

/** Maps events to Kafka records in CloudEvents binary mode, and back. */
public final class CloudEventRecords {

  private CloudEventRecords() {}

  /** The record for an event from the event store; its id is the Axon event identifier. */
  public static ProducerRecord<String, byte[]> toRecord(EventMessage<?> message) {
    GatehouseEvent event = (GatehouseEvent) message.getPayload();
    EventCatalog.Entry entry = EventCatalog.of(event.getClass());
    Headers headers = new RecordHeaders();
    add(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
    add(headers, CloudEventHeaders.ID, message.getIdentifier());
    add(headers, CloudEventHeaders.TYPE, entry.type());
    add(headers, CloudEventHeaders.SOURCE, entry.source().source());
    add(headers, CloudEventHeaders.SUBJECT, event.subject());
    add(headers, CloudEventHeaders.TIME, message.getTimestamp().toString());
    add(headers, CloudEventHeaders.DATA_SCHEMA, entry.dataSchema());
    add(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
    Object trace = message.getMetaData().get(Acting.TRACEPARENT);
    add(headers, CloudEventHeaders.TRACEPARENT,
        trace instanceof String t && Traceparent.isValid(t) ? t : traceFromId(message.getIdentifier()));
    Object actor = message.getMetaData().get(Acting.ACTOR);
    if (actor != null) {
      add(headers, CloudEventHeaders.ACTOR, actor.toString());
    }
    Object actorName = message.getMetaData().get(Acting.ACTOR_NAME);
    if (actorName != null) {
      add(headers, CloudEventHeaders.ACTOR_NAME, actorName.toString());
    }
    byte[] data = EventJson.mapper().writeValueAsBytes(event);
    return new ProducerRecord<>(entry.source().topic(), null, event.partitionKey(), data, headers);
  }

  /** Parses and checks a consumed record; throws {@link MalformedEvent} saying what is wrong. */
  public static ConsumedEvent parse(ConsumerRecord<String, byte[]> record) {
    Headers h = record.headers();
    String id = required(h, CloudEventHeaders.ID);
    String type = required(h, CloudEventHeaders.TYPE);
    String source = required(h, CloudEventHeaders.SOURCE);
    String time = required(h, CloudEventHeaders.TIME);
    String specVersion = required(h, CloudEventHeaders.SPEC_VERSION);
    if (!"1.0".equals(specVersion)) {
      throw new MalformedEvent("bad-header", "ce_specversion must be 1.0, was " + specVersion);
    }
    EventCatalog.Entry entry = EventCatalog.byType(type)
        .orElseThrow(() -> new MalformedEvent("unknown-type", "unknown event type " + type));
    Instant at;
    try {
      at = Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new MalformedEvent("bad-header", "ce_time is not an RFC 3339 instant: " + time, e);
    }
    if (record.value() == null || record.value().length == 0) {
      throw new MalformedEvent("bad-payload", "event " + id + " has no data");
    }
    GatehouseEvent payload;
    try {
      payload = EventJson.mapper().readValue(record.value(), entry.javaType());
    } catch (JacksonException e) {
      throw new MalformedEvent("bad-payload", type + " " + id + " does not match its schema: " + e.getOriginalMessage(), e);
    }
    return new ConsumedEvent(id, type, source, header(h, CloudEventHeaders.SUBJECT), at,
        header(h, CloudEventHeaders.ACTOR), header(h, CloudEventHeaders.TRACEPARENT), record.key(),
        payload, record.value(), record.topic(), record.partition(), record.offset());
  }

  /** A deterministic trace for an event that carried none, so redeliveries agree. */
  static String traceFromId(String eventId) {
    byte[] digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    HexFormat hex = HexFormat.of();
    digest[0] |= 1;
    digest[16] |= 1;
    return "00-" + hex.formatHex(digest, 0, 16) + "-" + hex.formatHex(digest, 16, 24) + "-01";
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  static String header(Headers headers, String key) {
    Header h = headers.lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static String required(Headers headers, String key) {
    String v = header(headers, key);
    if (v == null || v.isBlank()) {
      throw new MalformedEvent("missing-header", "header " + key + " is missing");
    }
    return v;
  }
}
