package io.gatehouse.local.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CPU time used by the stack's processes, from {@code /proc/<pid>/stat} (user + system), and by the
 * whole machine, from {@code /proc/stat}. Linux only; elsewhere every figure is absent. PostgreSQL is
 * the sum over every process named {@code postgres} (the backends of all its clients, ours and
 * anyone else's); "other" is the machine's busy time minus everything named.
 */
public final class CpuMeter {

  /** CPU seconds of each named process group and of the machine between two snapshots. */
  public record Usage(double wallSeconds, Map<String, Double> cpuSeconds, double machineBusySeconds) {

    /** Busy time nobody named accounts for (other processes, the kernel's own threads). */
    public double otherSeconds() {
      return Math.max(0, machineBusySeconds - cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum());
    }
  }

  /** A point in time: ticks per pid, and the machine's busy ticks. */
  public record Snapshot(long nanoTime, Map<String, Map<Long, Long>> ticks, long machineBusyTicks) {}

  static final String POSTGRES = "postgresql (all backends)";

  private final Map<String, Long> pids;
  private final long ticksPerSecond;

  /** @param pids process groups by display name, each one pid (e.g. "approval-service" -> 4711) */
  public CpuMeter(Map<String, Long> pids) {
    this(pids, clockTicks());
  }

  CpuMeter(Map<String, Long> pids, long ticksPerSecond) {
    this.pids = new LinkedHashMap<>(pids);
    this.ticksPerSecond = ticksPerSecond;
  }

  public boolean available() {
    return Files.isReadable(Path.of("/proc/stat"));
  }

  public Snapshot snapshot() {
    Map<String, Map<Long, Long>> ticks = new LinkedHashMap<>();
    pids.forEach((name, pid) -> {
      long t = processTicks(pid);
      ticks.put(name, t < 0 ? Map.of() : Map.of(pid, t));
    });
    ticks.put(POSTGRES, postgresTicks());
    return new Snapshot(System.nanoTime(), ticks, machineBusyTicks());
  }

  /** What was used from {@code from} to {@code to}. A pid that vanished meanwhile counts nothing. */
  public Usage between(Snapshot from, Snapshot to) {
    Map<String, Double> cpu = new LinkedHashMap<>();
    to.ticks().forEach((name, after) -> {
      Map<Long, Long> before = from.ticks().getOrDefault(name, Map.of());
      long delta = 0;
      for (Map.Entry<Long, Long> e : after.entrySet()) {
        delta += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
      }
      cpu.put(name, delta / (double) ticksPerSecond);
    });
    return new Usage((to.nanoTime() - from.nanoTime()) / 1e9, cpu,
        Math.max(0, to.machineBusyTicks() - from.machineBusyTicks()) / (double) ticksPerSecond);
  }

  /** utime + stime of one process, in clock ticks; -1 when it cannot be read. */
  static long processTicks(long pid) {
    try {
      return parseStatTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Fields 14 and 15 of a {@code /proc/<pid>/stat} line; the command name may hold spaces and parentheses. */
  static long parseStatTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // f[0] is field 3 (state), so utime (14) is f[11] and stime (15) is f[12].
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  static String commandName(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  private static Map<Long, Long> postgresTicks() {
    Map<Long, Long> result = new HashMap<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        try {
          String stat = Files.readString(proc.resolve("stat"));
          if (commandName(stat).equals("postgres")) {
            result.put(Long.parseLong(proc.getFileName().toString()), parseStatTicks(stat));
          }
        } catch (IOException | RuntimeException e) {
          // gone meanwhile
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return result;
  }

  /** Busy ticks of all CPUs: the first line of /proc/stat minus idle and iowait. */
  static long machineBusyTicks() {
    try {
      return parseMachineBusy(Files.readAllLines(Path.of("/proc/stat")).get(0));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static long parseMachineBusy(String cpuLine) {
    String[] f = cpuLine.trim().split("\\s+");
    // cpu user nice system idle iowait irq softirq steal ...: busy is user, nice, system, irq and
    // softirq (guest time is already inside user; steal went to other virtual machines).
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7}) {
      busy += i < f.length ? Long.parseLong(f[i]) : 0;
    }
    return busy;
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder(List.of("getconf", "CLK_TCK")).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return Long.parseLong(out);
      }
    } catch (IOException | RuntimeException e) {
      // below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100; // USER_HZ on every mainstream Linux
  }
}
