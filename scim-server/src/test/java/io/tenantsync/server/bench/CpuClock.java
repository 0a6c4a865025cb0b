package io.tenantsync.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time spent by this JVM and, on Linux, by a local MariaDB/MySQL server process: what a request
 * costs the machine, whatever else runs on it. Throughput on a shared machine moves with the other
 * load; CPU per request does not, so benchmarks report both.
 */
final class CpuClock {
  private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ is 100 on Linux

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Path databaseStat = databaseProcessStat();

  /** Whether the database server's CPU is counted (a local mariadbd/mysqld was found). */
  boolean seesDatabase() {
    return databaseStat != null;
  }

  /** CPU nanoseconds used so far by this JVM and the database server. */
  long nanos() {
    return jvmNanos() + databaseNanos().orElse(0);
  }

  long jvmNanos() {
    return os.getProcessCpuTime();
  }

  OptionalLong databaseNanos() {
    if (databaseStat == null) {
      return OptionalLong.empty();
    }
    try {
      String stat = Files.readString(databaseStat);
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      return OptionalLong.of((long) (ticks * NANOS_PER_TICK));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  private static Path databaseProcessStat() {
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          String name = Files.readString(process.resolve("comm")).strip();
          if (name.equals("mariadbd") || name.equals("mysqld")) {
            return process.resolve("stat");
          }
        } catch (IOException e) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
