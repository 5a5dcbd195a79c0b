package io.gatehouse.monitoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** monitoring-service: telemetry, drift detection, Alertmanager and external drift signals. */
@SpringBootApplication
public class MonitoringApplication {
  public static void main(String[] args) {
    SpringApplication.run(MonitoringApplication.class, args);
  }
}
