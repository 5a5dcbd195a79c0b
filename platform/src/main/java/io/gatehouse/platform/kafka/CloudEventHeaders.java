package io.gatehouse.platform.kafka;

/** Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary mode, and ours. */
public final class CloudEventHeaders {
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String SUBJECT = "ce_subject";
  public static final String TIME = "ce_time";
  public static final String DATA_SCHEMA = "ce_dataschema";
  public static final String CONTENT_TYPE = "content-type";
  public static final String TRACEPARENT = "traceparent";
  /** The acting identity (a person's subject, or {@code service:<name>}). */
  public static final String ACTOR = "gatehouse_actor";
  /** The acting person's display name, when the token had one. */
  public static final String ACTOR_NAME = "gatehouse_actor_name";
  /** Why a record was dead-lettered, in words. */
  public static final String DLQ_REASON = "gatehouse_dlq_reason";
  /** The consumer group that gave up on the record. */
  public static final String DLQ_CONSUMER = "gatehouse_dlq_consumer";

  private CloudEventHeaders() {}
}
