package io.gatehouse.local.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes approval cases to sign the way a user would: alice registers HIGH tier models and submits
 * versions through registry-service; approval-service opens a case per version from the
 * {@code ModelVersionSubmitted} it reads from Kafka. Returns the case ids once every case is open.
 */
final class CaseFactory {

  /** Versions per model: few enough that there are more models than workers, and a model loads fast. */
  static final int VERSIONS_PER_MODEL = 50;
  /**
   * Models submitted in parallel, each by one worker, version after version. A submission is bound by
   * latency more than CPU: registry-service answers once its read model shows the new version.
   */
  static final int WORKERS = 16;
  private static final Duration NO_PROGRESS_TIMEOUT = Duration.ofSeconds(90);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String registryUrl;
  private final String approvalUrl;
  private final Supplier<String> aliceToken;
  private final HttpClient http;
  private int nextModel = 1;

  CaseFactory(String registryUrl, String approvalUrl, Supplier<String> aliceToken) {
    this.registryUrl = registryUrl;
    this.approvalUrl = approvalUrl;
    this.aliceToken = aliceToken;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** {@code count} new open cases, in a shuffled but repeatable order. */
  List<String> create(int count) throws InterruptedException {
    List<int[]> models = new ArrayList<>(); // {model number, versions}
    for (int left = count; left > 0; left -= VERSIONS_PER_MODEL) {
      models.add(new int[] {nextModel++, Math.min(VERSIONS_PER_MODEL, left)});
    }
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS, r -> {
      Thread t = new Thread(r, "bench-setup");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> submitted = new ArrayList<>();
      for (int[] m : models) {
        submitted.add(pool.submit(() -> {
          submitModel(modelName(m[0]), m[1]);
          return null;
        }));
      }
      for (Future<?> f : submitted) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<String> cases = awaitOpenCases(models);
    Collections.shuffle(cases, new Random(count));
    return cases;
  }

  static String modelName(int n) {
    return String.format("bench-%04d", n);
  }

  private void submitModel(String model, int versions) {
    post(registryUrl + "/api/v1/models", """
        {"name": "%s", "description": "gatehouse-bench", "ownerTeam": "bench",
         "tags": [{"key": "purpose", "value": "benchmark"}],
         "riskProfile": {"domain": "credit", "affectsIndividuals": true, "fullyAutomatedDecision": true,
                         "publicFacing": false, "regulatedRegime": null}}""".formatted(model), 201);
    for (int v = 1; v <= versions; v++) {
      post(registryUrl + "/api/v1/models/" + model + "/versions", """
          {"artifact": {"uri": "s3://bench/%s/%d/model.onnx", "sha256": "%s", "sizeBytes": 1048576},
           "authors": ["alice"]}""".formatted(model, v, sha256(model + "/" + v)), 201);
    }
  }

  private List<String> awaitOpenCases(List<int[]> models) throws InterruptedException {
    List<String> cases = new ArrayList<>();
    List<int[]> waiting = new ArrayList<>(models);
    long lastProgress = System.nanoTime();
    while (!waiting.isEmpty()) {
      for (var it = waiting.iterator(); it.hasNext(); ) {
        int[] m = it.next();
        List<String> open = openCases(modelName(m[0]));
        if (open.size() >= m[1]) {
          cases.addAll(open);
          it.remove();
          lastProgress = System.nanoTime();
        }
      }
      if (waiting.isEmpty()) {
        break;
      }
      if (System.nanoTime() - lastProgress > NO_PROGRESS_TIMEOUT.toNanos()) {
        int[] m = waiting.get(0);
        throw new IllegalStateException("approval-service opened no further case for " + NO_PROGRESS_TIMEOUT.toSeconds()
            + " s: " + modelName(m[0]) + " has " + openCases(modelName(m[0])).size() + " of " + m[1]
            + " cases open. See .gatehouse/bench-state/logs/approval-service.log.");
      }
      Thread.sleep(500);
    }
    return cases;
  }

  private List<String> openCases(String model) {
    String url = approvalUrl + "/api/v1/cases?status=OPEN&limit=1000&model="
        + URLEncoder.encode(model, StandardCharsets.UTF_8);
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode c : JSON.readTree(response.body())) {
      ids.add(c.get("caseId").asString());
    }
    return ids;
  }

  private void post(String url, String body, int expected) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (response.statusCode() != expected) {
      throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + " (expected " + expected
          + "): " + response.body());
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + aliceToken.get())
          .header("Accept", "application/json")
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot reach " + request.build().uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
