package io.gatehouse.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers shared by the child JVMs: the java binary, stopping, pid files and log tails. */
final class Children {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private Children() {}

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Runs the command in its own session when setsid exists, so that Ctrl-C in the terminal reaches
   * only the launcher, which then stops the services before the broker they depend on. (setsid
   * execs in place: the child keeps the pid that {@link Process#pid()} reports.)
   */
  static List<String> ownSession(List<String> command) {
    if (!Files.isExecutable(SETSID)) {
      return command;
    }
    List<String> result = new ArrayList<>(command.size() + 1);
    result.add(SETSID.toString());
    result.addAll(command);
    return result;
  }

  /** SIGTERM, then SIGKILL when the process has not exited within {@code grace}. */
  static void terminate(Process process, Duration grace) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitFor(process, grace)) {
      kill(process);
    }
  }

  /** SIGKILL, and wait until the process is gone. */
  static void kill(Process process) {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitFor(process, Duration.ofSeconds(15));
  }

  static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalStackException(LocalStackException.STARTUP_FAILED, "Interrupted.");
    }
  }

  static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0L;
    } catch (IOException e) {
      return 0L;
    }
  }

  /** The last {@code maxLines} lines written to {@code file} after byte {@code fromOffset}, indented. */
  static String tail(Path file, long fromOffset, int maxLines) {
    try {
      if (!Files.exists(file)) {
        return "    (no log file " + file + ")";
      }
      String text;
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
        long length = raf.length();
        long from = Math.max(Math.min(fromOffset, length), length - 256 * 1024L); // logs only grow
        byte[] bytes = new byte[(int) (length - from)];
        raf.seek(from);
        raf.readFully(bytes);
        text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
      }
      if (text.isEmpty()) {
        return "    (the log is empty)";
      }
      List<String> lines = text.lines().toList();
      List<String> last = lines.subList(Math.max(0, lines.size() - maxLines), lines.size());
      StringBuilder sb = new StringBuilder();
      for (String line : last) {
        sb.append("    | ").append(line).append('\n');
      }
      return sb.toString().stripTrailing();
    } catch (IOException e) {
      return "    (cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  static void writePid(Path pidFile, long pid) {
    try {
      Files.createDirectories(pidFile.getParent());
      Files.writeString(pidFile, pid + "\n");
    } catch (IOException e) {
      // Only used to name leftover processes in messages; not worth failing a start for.
    }
  }

  static void deletePid(Path pidFile) {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      // see writePid
    }
  }

  /** Pids recorded under {@code <stateDir>/pids}, by pid, named after their file (kafka, registry-service...). */
  static Map<Long, String> knownPids(Path stateDir) {
    Map<Long, String> result = new HashMap<>();
    Path dir = stateDir.resolve("pids");
    if (!Files.isDirectory(dir)) {
      return result;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pid")) {
      for (Path file : files) {
        try {
          String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
          result.put(Long.parseLong(Files.readString(file).trim()), name.equals("kafka") ? "Kafka broker" : name);
        } catch (IOException | NumberFormatException e) {
          // unreadable pid file: ignore
        }
      }
    } catch (IOException e) {
      // ignore
    }
    return result;
  }

  /** Path shown to the user: relative to the working directory when below it. */
  static String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}
