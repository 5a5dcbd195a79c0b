package io.gatehouse.platform.deadlinetestapp;

import io.gatehouse.platform.kafka.GatehouseKafkaConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs in the test JVM (Spring tests) and as a child process (crash test). Deadlines involve no
 * Kafka, so the Kafka side of the platform is left out and no broker is needed.
 */
@SpringBootApplication(exclude = GatehouseKafkaConfiguration.class,
    excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class DeadlineTestApp {
  public static void main(String[] args) {
    SpringApplication.run(DeadlineTestApp.class, args);
  }
}
