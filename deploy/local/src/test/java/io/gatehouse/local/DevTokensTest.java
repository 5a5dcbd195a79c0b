package io.gatehouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DevTokens} against a stand-in for the identity provider's {@code POST /dev/token}. */
class DevTokensTest {

  private HttpServer server;
  private final AtomicReference<String> seenAuthorization = new AtomicReference<>();

  @BeforeEach
  void standIn() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/dev/token", exchange -> {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      seenAuthorization.set(exchange.getRequestMethod() + " " + auth);
      boolean ok = ("Basic " + Base64.getEncoder().encodeToString("alice:gatehouse".getBytes(StandardCharsets.UTF_8)))
          .equals(auth);
      byte[] body = (ok ? "{\"access_token\" : \"eyJ.alice.sig\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
          : "{\"type\":\"urn:gatehouse:problem:unauthorized\",\"status\":401}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", ok ? "application/json" : "application/problem+json");
      exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void postsBasicCredentialsAndReturnsTheAccessToken() {
    assertThat(DevTokens.fetch(base() + "/", "alice")).isEqualTo("eyJ.alice.sig");
    assertThat(seenAuthorization.get()).startsWith("POST Basic ");
  }

  @Test
  void aRefusalSaysWhoAndWhatTheProviderAnswered() {
    assertThatThrownBy(() -> DevTokens.fetch(base(), "alice", "wrong"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No token for alice")
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("urn:gatehouse:problem:unauthorized");
  }

  @Test
  void anUnreachableProviderIsNamed() {
    String closed = "http://127.0.0.1:" + Ports.freePort();
    assertThatThrownBy(() -> DevTokens.fetch(closed, "alice"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot reach the identity provider at " + closed);
  }
}
