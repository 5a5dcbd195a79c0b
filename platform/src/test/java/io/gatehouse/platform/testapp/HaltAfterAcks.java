package io.gatehouse.platform.testapp;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Kills the JVM (no shutdown hooks, like SIGKILL) right after the broker acknowledged the N-th
 * record: the event is in Kafka and in the event store, but the publisher's token has not moved.
 */
public class HaltAfterAcks implements ProducerInterceptor<String, byte[]> {

  public static final String AFTER = "gatehouse.test.halt-after-acks";
  private static final AtomicInteger ACKS = new AtomicInteger();
  private int after = Integer.MAX_VALUE;

  @Override
  public void configure(Map<String, ?> configs) {
    Object v = configs.get(AFTER);
    if (v != null) {
      after = Integer.parseInt(v.toString());
    }
  }

  @Override
  public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
    return record;
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    if (exception == null && ACKS.incrementAndGet() == after) {
      System.out.println("HALTING after " + after + " acknowledged records");
      System.out.flush();
      Runtime.getRuntime().halt(137);
    }
  }

  @Override
  public void close() {}
}
