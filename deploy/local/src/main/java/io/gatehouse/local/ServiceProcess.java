package io.gatehouse.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One Spring Boot service as a child JVM: {@code java <jvm args> -jar <jar> --server.port=<port> <app args>}.
 * Output (stdout and stderr) is appended to {@code <stateDir>/logs/<name>.log}. Readiness is
 * {@code GET /actuator/health/readiness} answering 200.
 */
public final class ServiceProcess {

  public static final List<String> DEFAULT_JVM_ARGS =
      List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(1))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private final String name;
  private final Path jar;
  private final int port;
  private final Path stateDir;
  private final List<String> jvmArgs;
  private final List<String> appArgs;
  private volatile Process process;
  private volatile long logOffset;

  /**
   * @param jvmArgs extra JVM options, after the defaults (so a later -Xmx wins)
   * @param appArgs application arguments after {@code --server.port}; an {@code --key=value} here
   *     replaces an earlier one with the same key (Spring would otherwise join both values)
   */
  public ServiceProcess(String name, Path jar, int port, Path stateDir, List<String> jvmArgs, List<String> appArgs) {
    this.name = name;
    this.jar = jar.toAbsolutePath().normalize();
    this.port = port;
    this.stateDir = stateDir.toAbsolutePath().normalize();
    this.jvmArgs = List.copyOf(jvmArgs);
    this.appArgs = List.copyOf(appArgs);
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path jar() {
    return jar;
  }

  public Path logFile() {
    return stateDir.resolve("logs").resolve(name + ".log");
  }

  private Path pidFile() {
    return stateDir.resolve("pids").resolve(name + ".pid");
  }

  /** Pid of the running (or last) process, -1 before the first start. */
  public long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** The exit code of the last process, or null while it runs or before it started. */
  public Integer exitCode() {
    Process p = process;
    return p == null || p.isAlive() ? null : p.exitValue();
  }

  /** The full command line. */
  public List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Children.javaExecutable());
    command.addAll(DEFAULT_JVM_ARGS);
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(mergeArgs(List.of("--server.port=" + port), appArgs));
    return command;
  }

  /** Launches the JVM and returns at once; see {@link #awaitReady(Duration)}. */
  public synchronized void start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " already running, pid " + process.pid());
    }
    List<String> command = command();
    Path log = logFile();
    try {
      Files.createDirectories(log.getParent());
      logOffset = Children.size(log);
      Files.writeString(log, "===== " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
              + " gatehouse-local starts " + name + ": " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new LocalStackException(LocalStackException.STARTUP_FAILED,
          "Cannot write " + log + ": " + e.getMessage());
    }
    ProcessBuilder builder = new ProcessBuilder(Children.ownSession(command))
        .directory(stateDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new LocalStackException(LocalStackException.STARTUP_FAILED,
          "Cannot start " + name + " (" + command.get(0) + "): " + e.getMessage());
    }
    Children.writePid(pidFile(), process.pid());
  }

  /** One readiness probe. */
  public boolean isReady() {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(2))
        .GET()
        .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Polls readiness until it answers 200. Fails, naming the service and quoting its log, when the
   * process exits first or the timeout passes (the process is left running then).
   */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      LocalStackException failure = checkStarting();
      if (failure != null) {
        throw failure;
      }
      if (isReady()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw notReadyIn(timeout);
      }
      Children.sleep(300);
    }
  }

  /** Null while the process runs; the failure to report when it has exited. */
  LocalStackException checkStarting() {
    Process p = process;
    if (p == null) {
      return new LocalStackException(LocalStackException.STARTUP_FAILED, name + " was never started.");
    }
    if (p.isAlive()) {
      return null;
    }
    return new LocalStackException(LocalStackException.STARTUP_FAILED,
        name + " exited with code " + p.exitValue() + " before it was ready. Last lines of "
            + Children.display(logFile()) + ":\n" + logTail(40));
  }

  LocalStackException notReadyIn(Duration timeout) {
    return new LocalStackException(LocalStackException.STARTUP_FAILED,
        name + " was not ready within " + timeout.toSeconds() + " s (" + baseUrl()
            + "/actuator/health/readiness did not answer 200). Last lines of "
            + Children.display(logFile()) + ":\n" + logTail(40));
  }

  /** The last lines this run wrote to the log, indented for messages. */
  public String logTail(int lines) {
    return Children.tail(logFile(), logOffset, lines);
  }

  /** Graceful stop: SIGTERM, then SIGKILL when still alive after 30 s. */
  public synchronized void stop() {
    Children.terminate(process, STOP_GRACE);
    Children.deletePid(pidFile());
  }

  /** SIGKILL. */
  public synchronized void kill() {
    Children.kill(process);
    Children.deletePid(pidFile());
  }

  /** {@link #stop()} then {@link #start()}; follow with {@link #awaitReady(Duration)}. */
  public synchronized void restart() {
    stop();
    start();
  }

  /** {@code base} followed by {@code overrides}, minus the base {@code --key=...} that an override replaces. */
  static List<String> mergeArgs(List<String> base, List<String> overrides) {
    Set<String> overridden = new HashSet<>();
    for (String arg : overrides) {
      String key = optionKey(arg);
      if (key != null) {
        overridden.add(key);
      }
    }
    List<String> result = new ArrayList<>();
    for (String arg : base) {
      if (!overridden.contains(optionKey(arg))) {
        result.add(arg);
      }
    }
    result.addAll(overrides);
    return result;
  }

  private static String optionKey(String arg) {
    if (!arg.startsWith("--")) {
      return null;
    }
    int eq = arg.indexOf('=');
    return eq < 0 ? arg : arg.substring(0, eq);
  }

  @Override
  public String toString() {
    return name + " (" + baseUrl() + ")";
  }
}
