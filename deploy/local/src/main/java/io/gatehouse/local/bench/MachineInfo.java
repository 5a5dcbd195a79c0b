package io.gatehouse.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The machine a run happened on, so that figures from different machines are not compared blindly. */
public record MachineInfo(
    int cores,
    String cpuModel,
    long memoryMiB,
    String javaVersion,
    String javaVm,
    String os,
    String postgresVersion,
    String synchronousCommit,
    String fsync,
    String walSyncMethod) {

  public static MachineInfo collect(String adminJdbcUrl, String dbUser) {
    String pgVersion = "?";
    String syncCommit = "?";
    String fsync = "?";
    String walSync = "?";
    Properties props = new Properties();
    props.setProperty("user", dbUser);
    props.setProperty("connectTimeout", "5");
    try (Connection c = DriverManager.getConnection(adminJdbcUrl, props); Statement s = c.createStatement()) {
      pgVersion = single(s, "SHOW server_version");
      syncCommit = single(s, "SHOW synchronous_commit");
      fsync = single(s, "SHOW fsync");
      walSync = single(s, "SHOW wal_sync_method");
    } catch (SQLException e) {
      pgVersion = "unreachable (" + e.getMessage() + ")";
    }
    return new MachineInfo(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMiB(),
        System.getProperty("java.runtime.version", System.getProperty("java.version")),
        System.getProperty("java.vm.name", "?"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        pgVersion, syncCommit, fsync, walSync);
  }

  /** The 1, 5 and 15 minute load averages from /proc/loadavg, or "?" elsewhere. */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : "?";
    }
  }

  private static String readCpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      for (String line : lines) {
        if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // below
    }
    return System.getProperty("os.arch", "?");
  }

  private static long readMemoryMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // below
    }
    return -1;
  }
}
