package io.gatehouse.registry;

import io.gatehouse.contracts.GatehouseEvent;
import io.gatehouse.platform.kafka.CloudEventRecords;
import io.gatehouse.testsupport.KafkaRecords;
import io.gatehouse.testsupport.ServiceIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;

/** What registry-service's integration tests share: calls with tokens, and other services' events on Kafka. */
public abstract class RegistryIntegration extends ServiceIT {

  @Value("${spring.embedded.kafka.brokers}")
  protected String brokers;
  protected final HttpClient http = HttpClient.newHttpClient();

  protected String engineer() {
    return issuer.token("alice", "ENGINEERING");
  }

  /** Publishes an event as its service would (CloudEvents on its topic). */
  protected void send(GatehouseEvent event) {
    KafkaRecords.send(brokers, CloudEventRecords.toRecord(GenericEventMessage.asEventMessage(event)));
  }

  protected HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> post(String path, String json) throws Exception {
    return call("POST", path, engineer(), json);
  }

  protected HttpResponse<String> get(String path) throws Exception {
    return call("GET", path, engineer(), null);
  }
}
