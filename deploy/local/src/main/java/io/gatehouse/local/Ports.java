package io.gatehouse.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Whether a TCP port is free, and who holds it when it is not. */
public final class Ports {

  private Ports() {}

  /** True when nothing listens on the port (checked on every interface, as the services bind there). */
  public static boolean isFree(int port) {
    if (accepts("127.0.0.1", port, 200)) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True when a TCP connection to host:port succeeds within the timeout. */
  public static boolean accepts(String host, int port, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The first of {@code size} consecutive ports that were free a moment ago, all below the kernel's
   * ephemeral range (for tests). Ports handed out by the kernel for outgoing connections come from
   * that range, so a port chosen inside it can be taken by any client's socket between the choice
   * and the bind (a service once failed to start on one taken by a Kafka client this way).
   */
  public static int freeBlock(int size) {
    int low = 10_000;
    int high = Math.max(ephemeralLow(), 20_000) - size;
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = random.nextInt(low, high);
      boolean free = true;
      for (int p = base; p < base + size && free; p++) {
        free = isFree(p);
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no block of " + size + " free ports in " + low + "-" + (high + size));
  }

  /** The low end of the kernel's ephemeral port range (Linux), or 32768 when it cannot be read. */
  static int ephemeralLow() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      return Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }

  /** A port that was free a moment ago, from the ephemeral range (for tests that bind it at once). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  /** {@link #describeOwner(int, Map)} with the pid files of the stack whose state is in {@code stateDir}. */
  public static String describeOwner(int port, Path stateDir) {
    return describeOwner(port, Children.knownPids(stateDir));
  }

  /**
   * One line naming what most likely holds the port: the owning process found through /proc when we
   * may see it, recognised as a Gatehouse leftover by the pid files of {@code knownPids}.
   */
  public static String describeOwner(int port, Map<Long, String> knownPids) {
    Optional<Long> pid = listeningPid(port);
    if (pid.isEmpty()) {
      return "owner not visible; find it with: ss -ltnp 'sport = :" + port + "'";
    }
    long p = pid.get();
    String cmd = commandLine(p);
    String known = knownPids.get(p);
    if (known != null && cmd.contains("java")) { // a reused pid is not ours
      return "held by pid " + p + ", the " + known + " of an earlier gatehouse-local run that was not stopped;"
          + " stop it with: kill " + p;
    }
    String what;
    if (cmd.contains("kafka.Kafka")) {
      what = "a Kafka broker";
    } else if (cmd.contains("--server.port=") && cmd.contains("-exec.jar")) {
      what = "a Spring Boot service (" + jarName(cmd) + ")";
    } else if (cmd.startsWith("java") || cmd.contains("/java ")) {
      what = "a Java process";
    } else {
      what = "a process";
    }
    return "held by " + what + ", pid " + p + ": " + abbreviate(cmd, 140) + "; stop it with: kill " + p;
  }

  private static String jarName(String cmd) {
    for (String part : cmd.split(" ")) {
      if (part.endsWith("-exec.jar")) {
        return Path.of(part).getFileName().toString();
      }
    }
    return "?";
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      String cmd = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
      if (!cmd.isEmpty()) {
        return cmd;
      }
    } catch (IOException | RuntimeException e) {
      // fall through to ProcessHandle
    }
    return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
  }

  /** Linux only: the listening socket's inode from /proc/net/tcp*, then the process holding it. */
  static Optional<Long> listeningPid(int port) {
    Set<String> inodes = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length < 10 || !f[3].equals("0A")) { // 0A = LISTEN
            continue;
          }
          int colon = f[1].lastIndexOf(':');
          if (colon > 0 && Integer.parseInt(f[1].substring(colon + 1), 16) == port) {
            inodes.add("socket:[" + f[9] + "]");
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux, or not readable
      }
    }
    if (inodes.isEmpty()) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
          for (Path fd : fds) {
            try {
              if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                return Optional.of(Long.parseLong(proc.getFileName().toString()));
              }
            } catch (IOException e) {
              // fd closed meanwhile
            }
          }
        } catch (IOException | RuntimeException e) {
          // another user's process, or gone
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
