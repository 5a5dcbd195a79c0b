package io.gatehouse.local.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends sign-offs ({@code POST /api/v1/cases/{caseId}/sign-offs}) to approval-service, open loop (a
 * fixed schedule, latency from each request's intended send time) or closed loop (N clients, each
 * sending its next request when the last one answered). A 2xx answer counts as done; anything else,
 * a timeout or an I/O error is counted by kind, and only done requests enter the latency figures.
 */
final class SignOffDriver {

  /** What one phase did. */
  record PhaseResult(
      String name,
      String mode,
      double offeredRate,
      int clients,
      int plannedSeconds,
      double elapsedSeconds,
      long sent,
      long ok,
      Map<String, Long> errors,
      Map<String, String> errorSamples,
      double throughput,
      Latencies.Summary latency,
      long[] okPerSecond,
      String note) {

    long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static final String UNANSWERED = "unanswered at phase end";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DRAIN_TIMEOUT = REQUEST_TIMEOUT.plusSeconds(15);

  private final String approvalUrl;
  private final Map<String, String> tokens;
  private final HttpClient http;

  /** @param tokens access token by demo user name */
  SignOffDriver(String approvalUrl, Map<String, String> tokens) {
    this.approvalUrl = approvalUrl;
    this.tokens = Map.copyOf(tokens);
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * Open loop: request {@code i} is due at {@code schedule.offsetNanos(i)} and handed to one of
   * {@code threads} senders then, however many are still in flight; its latency runs from the due
   * time, so queueing behind a slow answer is counted.
   */
  PhaseResult openLoop(String name, List<SignOffPlan.Task> tasks, OpenLoopSchedule schedule, int threads)
      throws InterruptedException {
    int count = Math.min(schedule.count(), tasks.size());
    Tally tally = new Tally(schedule.durationSeconds() + (int) DRAIN_TIMEOUT.toSeconds() + 5);
    ExecutorService senders = Executors.newFixedThreadPool(threads, daemon("bench-sender"));
    long start = System.nanoTime() + 50_000_000L; // a moment to get the first request ready
    tally.start = start;
    try {
      for (int i = 0; i < count; i++) {
        long due = start + schedule.offsetNanos(i);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        }
        SignOffPlan.Task task = tasks.get(i);
        senders.execute(() -> send(signOff(task), due, tally));
        tally.sent.increment();
      }
    } finally {
      senders.shutdown();
    }
    String note = null;
    if (!senders.awaitTermination(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      senders.shutdownNow(); // what is still queued or in flight now is counted as unanswered
      senders.awaitTermination(5, TimeUnit.SECONDS);
      note = "requests were still unanswered " + DRAIN_TIMEOUT.toSeconds() + " s after the last was due: the stack"
          + " fell behind the offered rate";
    }
    if (count < schedule.count()) {
      note = "only " + count + " of " + schedule.count() + " planned sign-offs had a case to go to";
    }
    return tally.result(name, "open loop", schedule.ratePerSecond(), threads, schedule.durationSeconds(), note);
  }

  /**
   * Closed loop: {@code clients} threads each send their next sign-off as soon as the last one
   * answered, for {@code seconds} or until the tasks run out. Latency is each request's own
   * round trip.
   */
  PhaseResult closedLoop(String name, List<SignOffPlan.Task> tasks, int clients, int seconds)
      throws InterruptedException {
    return closedLoop(name, tasks.size(), i -> signOff(tasks.get(i)), clients, seconds);
  }

  /**
   * Closed loop of {@code GET path} on approval-service, unauthenticated: what the machine's HTTP
   * path alone (client, Tomcat, Spring MVC) sustains with the same clients, no command behind it.
   */
  PhaseResult closedLoopGet(String name, String path, int clients, int seconds) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(approvalUrl + path)).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json").GET().build();
    return closedLoop(name, Integer.MAX_VALUE, i -> request, clients, seconds);
  }

  private PhaseResult closedLoop(String name, int count, IntFunction<HttpRequest> requests, int clients, int seconds)
      throws InterruptedException {
    Tally tally = new Tally(seconds + (int) REQUEST_TIMEOUT.toSeconds() + 5);
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean ranOut = new AtomicBoolean();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    tally.start = start;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
          int i = next.getAndIncrement();
          if (i >= count) {
            ranOut.set(true);
            return;
          }
          tally.sent.increment();
          send(requests.apply(i), System.nanoTime(), tally);
        }
      }, "bench-client-" + c);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      throw e;
    }
    String note = ranOut.get()
        ? "ran out of cases after " + String.format(java.util.Locale.ROOT, "%.1f", (tally.lastDone.get() - start) / 1e9)
            + " s (" + count + " sign-offs prepared): throughput is over that time"
        : null;
    return tally.result(name, "closed loop", 0, clients, seconds, note);
  }

  private HttpRequest signOff(SignOffPlan.Task task) {
    SignOffPlan.Signer signer = task.signer();
    return HttpRequest.newBuilder(URI.create(approvalUrl + "/api/v1/cases/" + task.caseId() + "/sign-offs"))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + tokens.get(signer.user()))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"role\":\"" + signer.role() + "\",\"decision\":\"APPROVE\",\"comment\":\"bench\"}"))
        .build();
  }

  private void send(HttpRequest request, long measuredFrom, Tally tally) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long done = System.nanoTime();
      if (response.statusCode() / 100 == 2) {
        tally.done(done, done - measuredFrom);
      } else {
        tally.error("HTTP " + response.statusCode(), response.body(), done);
      }
    } catch (HttpTimeoutException e) {
      tally.error("timeout after " + REQUEST_TIMEOUT.toSeconds() + " s", e.toString(), System.nanoTime());
    } catch (IOException e) {
      tally.error("I/O " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()), System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Counters of one phase, shared by its threads. */
  private static final class Tally {
    final Latencies latencies = new Latencies();
    final LongAdder sent = new LongAdder();
    final LongAdder ok = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final Map<String, String> samples = new ConcurrentHashMap<>();
    final AtomicLong lastDone = new AtomicLong();
    final AtomicLongArray perSecond;
    volatile long start;

    Tally(int seconds) {
      perSecond = new AtomicLongArray(seconds);
    }

    void done(long at, long latencyNanos) {
      latencies.recordNanos(latencyNanos);
      ok.increment();
      lastDone.accumulateAndGet(at, Math::max);
      int second = (int) ((at - start) / 1_000_000_000L);
      if (second >= 0 && second < perSecond.length()) {
        perSecond.incrementAndGet(second);
      }
    }

    void error(String kind, String body, long at) {
      errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
      samples.putIfAbsent(kind, body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body);
      lastDone.accumulateAndGet(at, Math::max);
    }

    PhaseResult result(String name, String mode, double offeredRate, int clients, int plannedSeconds, String note) {
      long last = lastDone.get();
      double elapsed = last > start ? (last - start) / 1e9 : 0;
      long done = ok.sum();
      Map<String, Long> errorCounts = new TreeMap<>();
      errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
      long unanswered = sent.sum() - done - errorCounts.values().stream().mapToLong(Long::longValue).sum();
      if (unanswered > 0) {
        errorCounts.put(UNANSWERED, unanswered);
      }
      int seconds = (int) Math.min(perSecond.length(), Math.ceil(elapsed));
      long[] timeline = new long[seconds];
      for (int i = 0; i < seconds; i++) {
        timeline[i] = perSecond.get(i);
      }
      return new PhaseResult(name, mode, offeredRate, clients, plannedSeconds, elapsed, sent.sum(), done, errorCounts,
          new TreeMap<>(samples), elapsed > 0 ? done / elapsed : 0, latencies.summary(), timeline, note);
    }
  }
}
