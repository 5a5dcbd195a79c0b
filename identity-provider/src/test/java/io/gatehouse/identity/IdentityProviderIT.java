package io.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity provider on a random port with its signing key in a temporary directory: tokens from
 * {@code /dev/token}, the client-credentials grant, the browser and device flows of the CLI client,
 * each verified against the served JWKS; discovery; and the key surviving a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gatehouse.idp.issuer=" + IdentityProviderIT.ISSUER)
class IdentityProviderIT {

  /** Not this server's address: proves that iss and the discovery URLs follow the configuration. */
  static final String ISSUER = "http://idp.gatehouse.test:9000";
  static final Path STATE = tempDir();
  static final Path KEY_FILE = STATE.resolve("idp/signing-key.json");
  static final JsonMapper JSON = JsonMapper.shared();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void keyFile(DynamicPropertyRegistry registry) {
    registry.add("gatehouse.idp.key-file", KEY_FILE::toString);
  }

  @AfterAll
  static void deleteState() throws IOException {
    try (Stream<Path> files = Files.walk(STATE)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      eng;      Erin Engineer;   ENGINEERING
      product;  Pat Product;     PRODUCT
      legal;    Lee Legal;       LEGAL
      ethics;   Eve Ethics;      ETHICS
      risk1;    Riley Risk;      MODEL_RISK
      risk2;    Robin Risk;      MODEL_RISK
      platform; Pia Platform;    PLATFORM
      admin;    Ada Admin;       GOVERNANCE_ADMIN
      auditor;  Aud Auditor;     AUDITOR
      alice;    Alice Scientist; ENGINEERING,PLATFORM
      """)
  void devTokenOfEveryDemoUserIsSignedByTheServedKeyAndNamesTheirRoles(String user, String name, String roles)
      throws Exception {
    HttpResponse<String> response = send(HttpClient.newHttpClient(), request("/dev/token")
        .header("Authorization", basic(user, "gatehouse"))
        .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    assertThat(fieldNames(body)).containsExactly("access_token", "token_type", "expires_in");

    JWTClaimsSet claims = verify(body.get("access_token").asString());
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getSubject()).isEqualTo(user);
    assertThat(claims.getAudience()).containsExactly("gatehouse");
    assertThat(claims.getStringListClaim("roles")).containsExactly(roles.split(","));
    assertThat(claims.getStringClaim("name")).isEqualTo(name);
    assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder("openid", "profile");
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofHours(1));
    assertThat(claims.getIssueTime().toInstant()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
  }

  @Test
  void wrongOrMissingCredentialsAre401ProblemDetails() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String authorization : new String[] {basic("legal", "wrong"), basic("nobody", "gatehouse"), null}) {
      HttpRequest.Builder request = request("/dev/token").POST(HttpRequest.BodyPublishers.noBody());
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response = send(http, request);

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          v -> assertThat(v).startsWith("Basic"));
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.get("status").asInt()).isEqualTo(401);
      assertThat(problem.get("type").asString()).isEqualTo("urn:gatehouse:problem:unauthorized");
      assertThat(problem.get("instance").asString()).isEqualTo("/dev/token");
      assertThat(problem.get("detail").asString()).isNotBlank();
      assertThat(response.body()).doesNotContain("Exception", "access_token");
    }
  }

  @Test
  void servicesGetAServiceTokenByClientCredentials() throws Exception {
    HttpResponse<String> response = send(HttpClient.newHttpClient(), request("/oauth2/token")
        .header("Authorization", basic("gatehouse-services", "gatehouse-services-secret"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isBetween(3590L, 3600L);
    JWTClaimsSet claims = verify(body.get("access_token").asString());
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getSubject()).isEqualTo("gatehouse-services");
    assertThat(claims.getAudience()).containsExactly("gatehouse");
    assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
    assertThat(claims.getClaims()).doesNotContainKey("name");
    assertThat(claims.getStringListClaim("scope")).containsExactly("gatehouse");
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofHours(1));
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getNotBeforeTime()).isNotNull();

    HttpResponse<String> wrongSecret = send(HttpClient.newHttpClient(), request("/oauth2/token")
        .header("Authorization", basic("gatehouse-services", "guess"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(wrongSecret.body()).contains("invalid_client");
  }

  @Test
  void discoveryNamesTheIssuerAndItsJwks() throws Exception {
    HttpResponse<String> response = send(HttpClient.newHttpClient(),
        request("/.well-known/openid-configuration").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode config = JSON.readTree(response.body());
    assertThat(config.get("issuer").asString()).isEqualTo(ISSUER);
    assertThat(config.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
    assertThat(config.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
    assertThat(config.get("id_token_signing_alg_values_supported").toString()).contains("RS256");

    JWKSet jwks = jwks();
    assertThat(jwks.getKeys()).singleElement().satisfies(key -> {
      assertThat(key.isPrivate()).as("the JWKS serves public keys only").isFalse();
      assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    });
    assertThat(send(HttpClient.newHttpClient(), request("/actuator/health/readiness").GET()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theCliSignsInWithAuthorizationCodeAndPkceAndGetsTheSameClaimsAsDevToken() throws Exception {
    HttpClient browser = browser();
    login(browser, "legal");
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

    HttpResponse<String> authorize = send(browser, request("/oauth2/authorize?" + form(Map.of(
        "response_type", "code", "client_id", "gatehouse-cli", "redirect_uri", "http://127.0.0.1:8400/callback",
        "scope", "openid profile", "state", "s1", "code_challenge", challenge, "code_challenge_method", "S256")))
        .header("Accept", "text/html").GET());

    assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
    String location = authorize.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("http://127.0.0.1:8400/callback?code=").contains("state=s1");
    String code = query(location).get("code");

    JsonNode tokens = tokenRequest(Map.of("grant_type", "authorization_code", "code", code,
        "redirect_uri", "http://127.0.0.1:8400/callback", "client_id", "gatehouse-cli", "code_verifier", verifier));
    JWTClaimsSet viaCode = verify(tokens.get("access_token").asString());
    assertThat(tokens.has("refresh_token")).as("no refresh token for a public client's code flow").isFalse();
    JWTClaimsSet viaDevToken = verify(devToken("legal"));

    for (String claim : List.of("iss", "sub", "aud", "roles", "name", "scope")) {
      assertThat(viaCode.getClaim(claim)).as(claim).isEqualTo(viaDevToken.getClaim(claim));
    }
    assertThat(viaCode.getClaims().keySet()).isEqualTo(viaDevToken.getClaims().keySet());
    JWTClaimsSet idToken = verify(tokens.get("id_token").asString());
    assertThat(idToken.getAudience()).containsExactly("gatehouse-cli");
    assertThat(idToken.getStringClaim("name")).isEqualTo("Lee Legal");
  }

  @Test
  void theCliSignsInWithADeviceCodeAndRefreshesItsToken() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> response = send(http, request("/oauth2/device_authorization")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("client_id", "gatehouse-cli", "scope", "profile")))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode device = JSON.readTree(response.body());
    assertThat(device.get("verification_uri").asString()).endsWith("/oauth2/device_verification");
    String deviceCode = device.get("device_code").asString();
    Map<String, String> deviceGrant = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
        "device_code", deviceCode, "client_id", "gatehouse-cli");

    HttpResponse<String> pending = send(http, tokenPost(deviceGrant));
    assertThat(pending.statusCode()).isEqualTo(400);
    assertThat(pending.body()).contains("authorization_pending");

    HttpClient browser = browser();
    login(browser, "alice");
    String userCode = device.get("user_code").asString();
    HttpResponse<String> consentPage = send(browser, request("/oauth2/device_verification?"
        + form(Map.of("user_code", userCode))).header("Accept", "text/html").GET());
    assertThat(consentPage.statusCode()).as(consentPage.body()).isEqualTo(200);
    assertThat(consentPage.body()).contains(userCode); // the user compares it with the one on the device
    Matcher state = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(consentPage.body());
    assertThat(state.find()).isTrue();
    HttpResponse<String> verified = send(browser, request("/oauth2/device_verification")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("client_id", "gatehouse-cli", "state", state.group(1),
            "user_code", userCode, "scope", "profile")))));
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(302);
    assertThat(verified.headers().firstValue("Location").orElseThrow()).contains("success");

    JsonNode tokens = tokenRequest(deviceGrant);
    JWTClaimsSet claims = verify(tokens.get("access_token").asString());
    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getStringListClaim("roles")).containsExactly("ENGINEERING", "PLATFORM");
    assertThat(claims.getStringClaim("name")).isEqualTo("Alice Scientist");
    assertThat(claims.getAudience()).containsExactly("gatehouse");

    JsonNode refreshed = tokenRequest(Map.of("grant_type", "refresh_token",
        "refresh_token", tokens.get("refresh_token").asString(), "client_id", "gatehouse-cli"));
    JWTClaimsSet again = verify(refreshed.get("access_token").asString());
    assertThat(again.getSubject()).isEqualTo("alice");
    assertThat(again.getStringListClaim("roles")).containsExactly("ENGINEERING", "PLATFORM");
    assertThat(again.getJWTID()).isNotEqualTo(claims.getJWTID());
  }

  @Test
  void theKeyFileIsOwnerOnlyAndReusedByTheNextStartWhichMayTurnDevTokenOff() throws Exception {
    assertThat(KEY_FILE).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KEY_FILE))).isEqualTo("rw-------");
    String kid = jwks().getKeys().get(0).getKeyID();
    String token = devToken("auditor");

    try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IdentityProviderApplication.class)
        .run("--server.port=0", "--gatehouse.idp.key-file=" + KEY_FILE, "--gatehouse.idp.issuer=" + ISSUER,
            "--gatehouse.idp.dev-token-endpoint=false")) {
      int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
      HttpResponse<String> response = send(HttpClient.newHttpClient(),
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + secondPort + "/oauth2/jwks")).GET());
      JWKSet served = JWKSet.parse(response.body());

      assertThat(served.getKeys()).singleElement().satisfies(key -> assertThat(key.getKeyID()).isEqualTo(kid));
      SignedJWT jwt = SignedJWT.parse(token);
      assertThat(jwt.verify(new RSASSAVerifier((RSAKey) served.getKeyByKeyId(kid)))).isTrue();

      HttpResponse<String> devToken = send(HttpClient.newHttpClient(),
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + secondPort + "/dev/token"))
              .header("Authorization", basic("auditor", "gatehouse")).POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(devToken.statusCode()).as("no /dev/token when turned off").isNotEqualTo(200);
      assertThat(devToken.body()).doesNotContain("access_token");
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private JWTClaimsSet verify(String token) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    JWKSet jwks = jwks();
    RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).as("the token's kid %s is in the JWKS", jwt.getHeader().getKeyID()).isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
    return jwt.getJWTClaimsSet();
  }

  private JWKSet jwks() throws Exception {
    HttpResponse<String> response = send(HttpClient.newHttpClient(), request("/oauth2/jwks").GET());
    assertThat(response.statusCode()).isEqualTo(200);
    return JWKSet.parse(response.body());
  }

  private String devToken(String user) throws Exception {
    HttpResponse<String> response = send(HttpClient.newHttpClient(), request("/dev/token")
        .header("Authorization", basic(user, "gatehouse")).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).get("access_token").asString();
  }

  private JsonNode tokenRequest(Map<String, String> parameters) throws Exception {
    HttpResponse<String> response = send(HttpClient.newHttpClient(), tokenPost(parameters));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder tokenPost(Map<String, String> parameters) {
    return request("/oauth2/token")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
  }

  /** Logs in through the form (with its CSRF token); the session cookie stays in the client. */
  private void login(HttpClient browser, String user) throws Exception {
    HttpResponse<String> page = send(browser, request("/login").GET());
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
        .matcher(page.body());
    assertThat(csrf.find()).as(page.body()).isTrue();
    String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    HttpResponse<String> posted = send(browser, request("/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", "gatehouse", "_csrf", token)))));
    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> query(String uri) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : URI.create(uri).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      result.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return result;
  }

  private static List<String> fieldNames(JsonNode node) {
    return node.propertyNames().stream().toList();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("gatehouse-idp-it-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
