package io.gatehouse.platform.testapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs in the test JVM (Spring tests) and as a child process (crash tests). */
@SpringBootApplication
public class TransportTestApp {
  public static void main(String[] args) {
    SpringApplication.run(TransportTestApp.class, args);
  }
}
