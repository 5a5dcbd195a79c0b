package io.gatehouse.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code gatehouse-defaults.properties} as the last property source, so every service starts
 * from the same safe settings (Jackson 3 serializer before the first event is stored, acks=all,
 * idempotent producer, Flyway locations) and can still override any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    try {
      environment.getPropertySources().addLast(
          new ResourcePropertySource("gatehouse-defaults", new ClassPathResource("gatehouse-defaults.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
