package io.gatehouse.local;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Apache Kafka broker (broker and controller in one JVM) run as a child process
 * from the Kafka jars. Its files live under {@code <stateDir>/kafka} (server.properties, log4j2.xml,
 * data/) and its log is {@code <stateDir>/logs/kafka.log}. The data directory is formatted only
 * once, when it has no meta.properties, so topics and offsets survive restarts and SIGKILL.
 */
public final class KafkaBroker {

  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final List<String> DEFAULT_JVM_ARGS = List.of(
      "-Xms128m", "-Xmx512m",
      // Kafka's own launcher script defaults.
      "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
      "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true");

  private final Path stateDir;
  private final int port;
  private final int controllerPort;
  private final List<String> extraJvmArgs;
  private volatile Process process;

  public KafkaBroker(Path stateDir, int port, int controllerPort) {
    this(stateDir, port, controllerPort, List.of());
  }

  public KafkaBroker(Path stateDir, int port, int controllerPort, List<String> extraJvmArgs) {
    this.stateDir = stateDir.toAbsolutePath().normalize();
    this.port = port;
    this.controllerPort = controllerPort;
    this.extraJvmArgs = List.copyOf(extraJvmArgs);
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path kafkaDir() {
    return stateDir.resolve("kafka");
  }

  /** log.dirs and the KRaft metadata log. */
  public Path dataDir() {
    return kafkaDir().resolve("data");
  }

  public Path logFile() {
    return stateDir.resolve("logs").resolve("kafka.log");
  }

  public Path serverProperties() {
    return kafkaDir().resolve("server.properties");
  }

  private Path pidFile() {
    return stateDir.resolve("pids").resolve("kafka.pid");
  }

  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Pid of the running (or last) broker process, -1 before the first start. */
  public long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  public void start() {
    start(DEFAULT_START_TIMEOUT);
  }

  /**
   * Starts the broker and returns once its port accepts connections and an AdminClient can describe
   * the cluster. Fails with the tail of the broker log when it dies or is not ready in time.
   */
  public synchronized void start(Duration timeout) {
    if (isAlive()) {
      throw new IllegalStateException("Kafka broker already running, pid " + process.pid());
    }
    for (int p : List.of(port, controllerPort)) {
      if (!Ports.isFree(p)) {
        throw new LocalStackException(LocalStackException.PORT_IN_USE,
            "Kafka cannot use port " + p + ": " + Ports.describeOwner(p, Children.knownPids(stateDir)) + ".");
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      Files.createDirectories(dataDir());
      Files.createDirectories(logFile().getParent());
      Files.writeString(serverProperties(), serverPropertiesText());
      Files.writeString(log4jConfig(), log4jConfigText());
    } catch (IOException e) {
      throw new LocalStackException(LocalStackException.STARTUP_FAILED,
          "Cannot write the Kafka configuration under " + kafkaDir() + ": " + e.getMessage());
    }
    long logOffset = Children.size(logFile());
    if (!Files.exists(dataDir().resolve("meta.properties"))) {
      format(deadline, logOffset);
    }
    Process started = launch(List.of("kafka.Kafka", serverProperties().toString()));
    process = started;
    Children.writePid(pidFile(), started.pid());
    awaitReady(started, deadline, logOffset, timeout);
  }

  /** Graceful stop: SIGTERM, then SIGKILL after 20 s. Not synchronized: it may interrupt a start. */
  public void stop() {
    Children.terminate(process, STOP_GRACE);
    Children.deletePid(pidFile());
  }

  /** SIGKILL: what a crash looks like to the data directory. */
  public void kill() {
    Children.kill(process);
    Children.deletePid(pidFile());
  }

  private Path log4jConfig() {
    return kafkaDir().resolve("log4j2.xml");
  }

  private void format(long deadline, long logOffset) {
    // Same as `kafka.tools.StorageTool random-uuid`, without a JVM start of its own.
    String clusterId = Uuid.randomUuid().toString();
    Process formatter = launch(List.of("kafka.tools.StorageTool", "format",
        "-t", clusterId, "-c", serverProperties().toString()));
    long left = Math.max(1, deadline - System.nanoTime());
    boolean exited = Children.waitFor(formatter, Duration.ofNanos(left));
    if (!exited) {
      Children.kill(formatter);
    }
    if (!exited || formatter.exitValue() != 0) {
      throw new LocalStackException(LocalStackException.STARTUP_FAILED,
          "Formatting the Kafka data directory " + dataDir() + " failed"
              + (exited ? " (exit code " + formatter.exitValue() + ")" : " (timed out)")
              + ". Last lines of " + logFile() + ":\n" + Children.tail(logFile(), logOffset, 30));
    }
  }

  private Process launch(List<String> mainAndArgs) {
    List<String> command = new ArrayList<>();
    command.add(Children.javaExecutable());
    command.addAll(DEFAULT_JVM_ARGS);
    command.add("-Dlog4j2.configurationFile=" + log4jConfig());
    command.add("-Dkafka.logs.dir=" + logFile().getParent());
    command.addAll(extraJvmArgs);
    command.add("-cp");
    command.add(childClasspath());
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(Children.ownSession(command))
        .directory(kafkaDir().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new LocalStackException(LocalStackException.STARTUP_FAILED,
          "Cannot start the Kafka JVM (" + command.get(0) + "): " + e.getMessage());
    }
  }

  private void awaitReady(Process started, long deadline, long logOffset, Duration timeout) {
    Map<String, Object> adminConfig = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
        AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100,
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500,
        AdminClientConfig.CLIENT_ID_CONFIG, "gatehouse-local-readiness");
    Admin admin = null;
    try {
      while (System.nanoTime() < deadline) {
        if (!started.isAlive()) {
          Children.deletePid(pidFile());
          throw new LocalStackException(LocalStackException.STARTUP_FAILED,
              "The Kafka broker exited with code " + started.exitValue() + " while starting. Last lines of "
                  + logFile() + ":\n" + Children.tail(logFile(), logOffset, 40));
        }
        if (Ports.accepts("127.0.0.1", port, 250)) {
          if (admin == null) {
            admin = Admin.create(adminConfig);
          }
          try {
            if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
              return;
            }
          } catch (Exception notYet) {
            // the broker accepts connections before it has joined its own quorum; try again
          }
        }
        Children.sleep(100);
      }
    } finally {
      if (admin != null) {
        admin.close(Duration.ofSeconds(1));
      }
    }
    Children.kill(started);
    Children.deletePid(pidFile());
    throw new LocalStackException(LocalStackException.STARTUP_FAILED,
        "The Kafka broker was not ready within " + timeout.toSeconds() + " s (killed it). Last lines of "
            + logFile() + ":\n" + Children.tail(logFile(), logOffset, 40));
  }

  String serverPropertiesText() {
    String data = escape(dataDir().toString());
    return String.join("\n",
        "# Generated by gatehouse-local on every start; edits are overwritten.",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "log.dirs=" + data,
        "metadata.log.dir=" + data,
        "num.partitions=3",
        "default.replication.factor=1",
        "min.insync.replicas=1",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=10",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=10",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "share.coordinator.state.topic.num.partitions=10",
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=false",
        // Two cores: fewer threads than the defaults (3 network, 8 I/O).
        "num.network.threads=2",
        "num.io.threads=4",
        "num.recovery.threads.per.data.dir=2",
        // After a SIGKILL the restarted broker cannot register until its old session expires
        // (default 9 s); 4 s with 8 heartbeats in it keeps a crash restart near 6 s.
        "broker.heartbeat.interval.ms=500",
        "broker.session.timeout.ms=4000",
        "");
  }

  String log4jConfigText() {
    String file = logFile().toString().replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Generated by gatehouse-local on every start; edits are overwritten. -->
        <Configuration status="warn" shutdownHook="disable">
          <Appenders>
            <File name="file" fileName="%s" append="true">
              <PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/>
            </File>
          </Appenders>
          <Loggers>
            <Root level="WARN"><AppenderRef ref="file"/></Root>
            <!-- "Kafka Server started", start and stop milestones, log recovery and re-registration after a crash. -->
            <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
            <Logger name="kafka.server.KafkaBroker" level="INFO"/>
            <Logger name="kafka.Kafka$" level="INFO"/>
            <Logger name="kafka.log.LogManager" level="INFO"/>
            <Logger name="kafka.server.BrokerLifecycleManager" level="INFO"/>
          </Loggers>
        </Configuration>
        """.formatted(file);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\");
  }

  /**
   * The Kafka jars for the child JVM: {@code -Dgatehouse.kafka.classpath} when set; the {@code lib/}
   * directory beside the launcher jar when running from it; otherwise this JVM's classpath (tests).
   */
  static String childClasspath() {
    String override = System.getProperty("gatehouse.kafka.classpath");
    if (override != null && !override.isBlank()) {
      return override;
    }
    try {
      Path location = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path lib = location.resolveSibling("lib");
      if (Files.isRegularFile(location) && Files.isDirectory(lib)) {
        return lib.toAbsolutePath() + File.separator + "*";
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall back to the classpath below
    }
    return System.getProperty("java.class.path");
  }
}
