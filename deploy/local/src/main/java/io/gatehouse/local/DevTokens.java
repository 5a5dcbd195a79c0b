package io.gatehouse.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens of the development identity provider's demo users, for tests and scripts:
 * {@code POST <idp>/dev/token} with HTTP Basic. Development only, like the endpoint itself.
 *
 * <pre>{@code
 * String token = DevTokens.fetch(stack.service(LocalStack.IDENTITY_PROVIDER).baseUrl(), "alice");
 * request.header("Authorization", "Bearer " + token);
 * }</pre>
 */
public final class DevTokens {

  /** The password of every demo user. */
  public static final String DEMO_PASSWORD = "gatehouse";

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private DevTokens() {}

  /** An access token (1 hour) of demo user {@code user}, whose password is {@value #DEMO_PASSWORD}. */
  public static String fetch(String idpBaseUrl, String user) {
    return fetch(idpBaseUrl, user, DEMO_PASSWORD);
  }

  public static String fetch(String idpBaseUrl, String user, String password) {
    String base = idpBaseUrl.endsWith("/") ? idpBaseUrl.substring(0, idpBaseUrl.length() - 1) : idpBaseUrl;
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/dev/token"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + credentials)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot reach the identity provider at " + base + "/dev/token: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while fetching a token from " + base, e);
    }
    Matcher m = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("No token for " + user + " from " + base + "/dev/token: HTTP "
          + response.statusCode() + " " + response.body());
    }
    return m.group(1);
  }
}
