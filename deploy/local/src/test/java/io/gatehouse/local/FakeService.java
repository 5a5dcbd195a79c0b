package io.gatehouse.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Spring Boot service in tests (JDK classes only, so it can be copied into a jar
 * alone): prints its arguments, then serves /actuator/health/readiness on --server.port.
 * {@code --fake.mode=die} exits with 3 instead; {@code --fake.mode=unready} answers 503.
 */
public final class FakeService {

  private FakeService() {}

  public static void main(String[] args) throws IOException {
    int port = -1;
    String mode = "ready";
    for (String arg : args) {
      System.out.println("arg " + arg);
      if (arg.startsWith("--server.port=")) {
        port = Integer.parseInt(arg.substring("--server.port=".length()));
      } else if (arg.startsWith("--fake.mode=")) {
        mode = arg.substring("--fake.mode=".length());
      }
    }
    if (mode.equals("die")) {
      System.out.println("boom: this fake service refuses to start");
      System.exit(3);
    }
    int status = mode.equals("unready") ? 503 : 200;
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/actuator/health/readiness", exchange -> {
      byte[] body = (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    System.out.println("fake service listening on " + port);
  }
}
