package io.gatehouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole system as users run it: the local stack (a KRaft broker, the development identity
 * provider and the five services as their own JVMs) on fresh databases and free ports. It follows a
 * submission into the audit log, then SIGKILLs a service, or the broker, in the middle of a burst of
 * submissions and checks that every acknowledged submission's events are in the audit log exactly
 * once. Every request carries a bearer token of a demo user: {@code alice} (ENGINEERING, PLATFORM)
 * for the registry, {@code auditor} (AUDITOR) for the audit log.
 */
class SystemIT {

  private static final int BURST = 1000;
  private static final Pattern ENTRY = Pattern.compile(
      "\"sequence\":(\\d+),\"id\":\"([^\"]+)\",\"type\":\"([^\"]+)\",\"source\":\"[^\"]*\",\"subject\":\"([^\"]*)\","
          + "\"time\":\"([^\"]+)\",\"actor\":(null|\"[^\"]*\")");
  private static final Pattern NEXT = Pattern.compile("\"next\":(\\d+|null)");

  @TempDir
  static Path state;

  static LocalStack stack;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** Bearer tokens (1 hour), fetched once: alice submits models, auditor reads the audit log. */
  static String aliceToken;
  static String auditorToken;

  @BeforeAll
  static void startStack() throws IOException {
    LocalStack.Config config = TestSupport.systemConfig(state, "gh_sys_")
        .withReadyTimeout(Duration.ofMinutes(3));
    stack = new LocalStack(config);
    stack.start();
    String idp = stack.service(LocalStack.IDENTITY_PROVIDER).baseUrl();
    aliceToken = DevTokens.fetch(idp, "alice");
    auditorToken = DevTokens.fetch(idp, "auditor");
  }

  @AfterAll
  static void stopStack() throws Exception {
    TestSupport.stopAndDropDatabases(stack);
  }

  @Test
  void aSubmittedVersionReachesTheAuditLogAfterItsCaseOpened() throws Exception {
    registerModel("flow-model");
    Instant submitted = Instant.now();
    assertThat(submit("flow-model")).isEqualTo(201);

    String caseOpened = "io.gatehouse.approval.CaseOpened.v1";
    List<Entry> entries = awaitAudit("flow-model",
        list -> list.stream().anyMatch(e -> e.type().equals(caseOpened)), Duration.ofSeconds(60));
    System.out.printf("audit shows CaseOpened %d ms after the submission was acknowledged%n",
        Duration.between(submitted, Instant.now()).toMillis());
    // validation-service's events for the same submission come from another topic: they may be
    // logged before or after CaseOpened, never before the submission
    List<String> types = entries.stream().map(Entry::type).toList();
    assertThat(types.subList(0, 2)).containsExactly(
        "io.gatehouse.registry.ModelRegistered.v1",
        "io.gatehouse.registry.ModelVersionSubmitted.v1");
    assertThat(types).filteredOn(caseOpened::equals).hasSize(1);
    assertThat(types).allMatch(t -> t.startsWith("io.gatehouse.registry.") || t.startsWith("io.gatehouse.approval.")
        || t.startsWith("io.gatehouse.validation."), "registry, approval and validation events only");
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.id()).isNotBlank();
      assertThat(e.time()).isNotBlank();
      assertThat(e.actor()).isNotEqualTo("null");
    });
    assertThat(entries.get(1).subject()).isEqualTo("models/flow-model/versions/1");
    assertThat(entries.get(types.indexOf(caseOpened)).actor()).isEqualTo("\"service:approval-service\"");
  }

  @ParameterizedTest(name = "SIGKILL {0}")
  @ValueSource(strings = {"registry-service", "approval-service", "audit-projection"})
  void aServiceKilledDuringABurstLosesNoAcknowledgedSubmission(String victim) throws Exception {
    String model = "burst-" + victim;
    registerModel(model);
    Set<Integer> acknowledged = burst(model, BURST, 300, () -> {
      ServiceProcess service = stack.service(victim);
      service.kill();
      service.start();
      service.awaitReady(Duration.ofMinutes(2));
    });
    assertEveryAcknowledgedSubmissionOnceInTheAuditLog(model, acknowledged);
  }

  @Test
  void theBrokerKilledAndRestartedMidStreamLosesNothing() throws Exception {
    String model = "broker-restart";
    registerModel(model);
    Set<Integer> acknowledged = burst(model, 400, 150, () -> {
      stack.broker().kill();
      stack.broker().start();
    });
    assertEveryAcknowledgedSubmissionOnceInTheAuditLog(model, acknowledged);
  }

  /**
   * Submits versions from four client threads until {@code total} were acknowledged; after
   * {@code disruptAfter} acknowledgements, runs {@code disruption} once while the clients keep going.
   * A submission refused or cut off (the service is down) is retried as a new one after 100 ms: it
   * was not acknowledged. Answers the version numbers registry-service acknowledged (201).
   */
  private Set<Integer> burst(String model, int total, int disruptAfter, Disruption disruption) throws Exception {
    Set<Integer> acknowledged = Collections.synchronizedSet(new HashSet<>());
    AtomicInteger failed = new AtomicInteger();
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      futures.add(clients.submit(() -> {
        while (acknowledged.size() < total && System.nanoTime() < deadline) {
          try {
            HttpResponse<String> r = post(stack.service("registry-service").baseUrl()
                + "/api/v1/models/" + model + "/versions", versionBody());
            if (r.statusCode() == 201) {
              acknowledged.add(Integer.parseInt(r.body().replaceAll(".*\"version\":(\\d+).*", "$1")));
              continue;
            }
            failed.incrementAndGet();
          } catch (IOException e) {
            failed.incrementAndGet();
          }
          Thread.sleep(100); // a client's pause before it tries again, not a wait for a condition
        }
        return null;
      }));
    }
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
        .until(() -> acknowledged.size() >= disruptAfter);
    long t0 = System.nanoTime();
    disruption.run();
    System.out.printf("%s: disruption took %d ms%n", model, (System.nanoTime() - t0) / 1_000_000);
    for (Future<?> f : futures) {
      f.get();
    }
    clients.shutdown();
    System.out.printf("%s: %d acknowledged, %d refused or cut off%n", model, acknowledged.size(), failed.get());
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(total);
    return acknowledged;
  }

  private void assertEveryAcknowledgedSubmissionOnceInTheAuditLog(String model, Set<Integer> acknowledged)
      throws Exception {
    // The audit log consumes the registry and approval topics independently: wait for both.
    List<Entry> entries = awaitAudit(model, list ->
        versions(list, "io.gatehouse.registry.ModelVersionSubmitted.v1").containsAll(acknowledged)
            && versions(list, "io.gatehouse.approval.CaseOpened.v1").containsAll(acknowledged),
        Duration.ofMinutes(4));
    Map<String, Integer> byId = new HashMap<>();
    entries.forEach(e -> byId.merge(e.id(), 1, Integer::sum));
    assertThat(byId.values()).as("no event twice in the audit log").allMatch(n -> n == 1);

    Map<Integer, Integer> submissions = count(entries, "io.gatehouse.registry.ModelVersionSubmitted.v1");
    Map<Integer, Integer> cases = count(entries, "io.gatehouse.approval.CaseOpened.v1");
    for (int v : acknowledged) {
      assertThat(submissions.get(v)).as("ModelVersionSubmitted of acknowledged version %d", v).isEqualTo(1);
      assertThat(cases.get(v)).as("CaseOpened of acknowledged version %d", v).isEqualTo(1);
    }
    assertThat(submissions.values()).as("no version submitted twice").allMatch(n -> n == 1);
    assertThat(cases.values()).as("no case opened twice").allMatch(n -> n == 1);
  }

  private static Set<Integer> versions(List<Entry> entries, String type) {
    return count(entries, type).keySet();
  }

  private static Map<Integer, Integer> count(List<Entry> entries, String type) {
    Map<Integer, Integer> n = new HashMap<>();
    for (Entry e : entries) {
      if (e.type().equals(type)) {
        n.merge(Integer.parseInt(e.subject().substring(e.subject().lastIndexOf('/') + 1)), 1, Integer::sum);
      }
    }
    return n;
  }

  /** Polls the audit log of a model (all pages) until {@code done} holds. */
  private List<Entry> awaitAudit(String model, java.util.function.Predicate<List<Entry>> done, Duration timeout)
      throws Exception {
    return await("audit log of " + model).atMost(timeout).pollInterval(Duration.ofMillis(250))
        .until(() -> audit(model), done::test);
  }

  private List<Entry> audit(String model) throws Exception {
    List<Entry> all = new ArrayList<>();
    String after = "0";
    while (after != null) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
          stack.service("audit-projection").baseUrl() + "/api/v1/audit?limit=1000&model=" + model + "&after=" + after))
          .header("Authorization", "Bearer " + auditorToken)
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return all; // audit-projection may be restarting
      }
      Matcher m = ENTRY.matcher(r.body());
      while (m.find()) {
        all.add(new Entry(Long.parseLong(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)));
      }
      Matcher next = NEXT.matcher(r.body());
      after = next.find() && !"null".equals(next.group(1)) ? next.group(1) : null;
    }
    return all;
  }

  private void registerModel(String name) throws Exception {
    HttpResponse<String> r = post(stack.service("registry-service").baseUrl() + "/api/v1/models", """
        {"name": "%s", "description": "system test", "ownerTeam": "qa", "tags": [],
         "riskProfile": {"domain": "credit", "affectsIndividuals": true, "fullyAutomatedDecision": true,
                         "publicFacing": false, "regulatedRegime": null}}""".formatted(name));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private int submit(String model) throws Exception {
    return post(stack.service("registry-service").baseUrl() + "/api/v1/models/" + model + "/versions",
        versionBody()).statusCode();
  }

  private static String versionBody() {
    StringBuilder sha = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      sha.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
    }
    return """
        {"artifact": {"uri": "s3://models/m.onnx", "sha256": "%s", "sizeBytes": 1024}, "authors": ["bob"]}"""
        .formatted(sha);
  }

  private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json")
        .header("Authorization", "Bearer " + aliceToken)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Something that happens to the running stack. */
  interface Disruption {
    void run() throws Exception;
  }

  record Entry(long sequence, String id, String type, String subject, String time, String actor) {}
}
