package io.gatehouse.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * SASL settings given as ordinary Spring Boot properties reach the platform's producer, and the
 * secret in them is never written to the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaSecuritySettingsTest {

  private static final String SECRET = "s3cr3t-do-not-log";

  @Test
  void saslSettingsReachTheProducerAndTheSecretIsNotLogged(CapturedOutput output) {
    KafkaProperties props = new KafkaProperties();
    new Binder(new MapConfigurationPropertySource(Map.of(
        "spring.kafka.bootstrap-servers", "127.0.0.1:1",
        "spring.kafka.security.protocol", "SASL_PLAINTEXT",
        "spring.kafka.properties.sasl.mechanism", "PLAIN",
        "spring.kafka.properties.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc\" password=\"" + SECRET + "\";")))
        .bind("spring.kafka", org.springframework.boot.context.properties.bind.Bindable.ofInstance(props));

    KafkaTemplate<String, byte[]> template = new GatehouseKafkaConfiguration().gatehouseKafkaTemplate(props);
    Map<String, Object> config = template.getProducerFactory().getConfigurationProperties();
    assertThat(config).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "PLAIN");

    try (Producer<String, byte[]> producer = template.getProducerFactory().createProducer()) {
      assertThat(producer).isNotNull();
    }
    assertThat(output.getAll()).contains("sasl.jaas.config = [hidden]").doesNotContain(SECRET);
  }
}
