package io.brighthive.loadstress.generator.bench;

import io.brighthive.loadstress.generator.SparkSessions;
import io.brighthive.loadstress.generator.WarehouseGenerator;
import io.brighthive.loadstress.generator.cli.GenerateOptions;
import io.brighthive.loadstress.generator.lake.Lake;
import io.brighthive.loadstress.generator.lake.Manifest;
import io.brighthive.loadstress.generator.lake.ManifestStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Throughput benchmark, not a test: run through the {@code bench} Maven profile (see README.md).
 *
 * <pre>
 * all                      = full 1000000, orders 1000000 10000000 50000000, naive 100000
 * full N                   all datasets at N records; wall time counted from JVM start
 * orders N [N ...]         the orders table alone
 * naive N                  the source project's 400-column design, partitioned by the second
 * </pre>
 *
 * Besides wall-clock rows/s it prints rows per CPU-second of this process, which stays meaningful
 * when other builds share the machine.
 */
public final class GeneratorBenchmark {

  private final SparkSession spark;
  private final Path workDir;
  private final int cores;
  private OrdersRun previousOrders;

  private GeneratorBenchmark(SparkSession spark, Path workDir) {
    this.spark = spark;
    this.workDir = workDir;
    this.cores = spark.sparkContext().defaultParallelism();
  }

  public static void main(String[] args) throws Exception {
    List<String> plan = new ArrayList<>(List.of(args.length == 0 ? new String[] {"all"} : args));
    if (plan.equals(List.of("all"))) {
      plan = List.of("full", "1000000", "orders", "1000000", "10000000", "50000000", "naive", "100000");
    }
    Path workDir = Files.createTempDirectory("loadstress-bench");
    SparkSession spark = SparkSessions.getOrCreate("loadstress-bench");
    spark.sparkContext().setLogLevel("WARN");
    GeneratorBenchmark bench = new GeneratorBenchmark(spark, workDir);
    System.out.printf("machine: %d cores for Spark (%s), %d available processors, max heap %d MB, Java %s, Spark %s%n",
        bench.cores, spark.sparkContext().master(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), spark.version());
    try {
      String mode = null;
      for (String arg : plan) {
        if (!Character.isDigit(arg.charAt(0))) {
          mode = arg;
          continue;
        }
        long rows = Long.parseLong(arg.replace("_", ""));
        switch (mode) {
          case "full" -> bench.full(rows);
          case "orders" -> bench.orders(rows);
          case "naive" -> bench.naive(rows);
          default -> throw new IllegalArgumentException("unknown benchmark " + mode);
        }
      }
    } finally {
      spark.stop();
      deleteRecursively(workDir);
    }
  }

  private void full(long records) throws Exception {
    Manifest manifest = generate("full-" + records, records, "");
    double sinceJvmStart = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    System.out.printf("full    %,13d records: all %d tables (%,d rows, %,d bytes) generated in %.1f s; "
            + "%.1f s wall since JVM start (includes Spark start-up)%n",
        records, manifest.tables().size(), manifest.totalRows(), manifest.totalBytes(),
        manifest.durationSeconds(), sinceJvmStart);
  }

  private void orders(long rows) throws Exception {
    Measurement m = measure(() -> generate("orders-" + rows, rows, "--datasets=orders"));
    Manifest manifest = (Manifest) m.result();
    long bytes = manifest.table("orders").bytes();
    report("orders", rows, m, String.format("%d files, %.1f bytes/row", manifest.table("orders").files(), (double) bytes / rows));
    if (previousOrders != null && rows > previousOrders.rows()) {
      long extraRows = rows - previousOrders.rows();
      double extraWall = m.wallSeconds() - previousOrders.measurement().wallSeconds();
      double extraCpu = m.cpuSeconds() - previousOrders.measurement().cpuSeconds();
      System.out.printf("orders  marginal %,d -> %,d rows: %,11.0f rows/s, %,11.0f rows/s per core, %,11.0f rows per CPU-second%n",
          previousOrders.rows(), rows, extraRows / extraWall, extraRows / extraWall / cores, extraRows / extraCpu);
    }
    previousOrders = new OrdersRun(rows, m);
  }

  private record OrdersRun(long rows, Measurement measurement) {}

  private void naive(long rows) throws Exception {
    Path out = workDir.resolve("naive-" + rows);
    Measurement m = measure(() -> {
      NaiveSourceDesign.write(spark, rows, out.toString());
      return null;
    });
    long files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
    }
    report("naive", rows, m, String.format("%,d files (400 columns, partitioned by the second)", files));
  }

  private Manifest generate(String name, long records, String extra) throws Exception {
    Path lake = workDir.resolve(name);
    List<String> args = new ArrayList<>(List.of("--lake", lake.toString(), "--records", Long.toString(records), "--seed", "42"));
    if (!extra.isEmpty()) {
      args.add(extra);
    }
    GenerateOptions options = GenerateOptions.parse(args);
    Lake target = Lake.at(options.lake(), spark.sparkContext().hadoopConfiguration());
    Manifest manifest = new WarehouseGenerator(spark, Clock.systemUTC()).run(options, target).manifest();
    new ManifestStore(target).write(manifest);
    return manifest;
  }

  private void report(String what, long rows, Measurement m, String detail) {
    double rowsPerSecond = rows / m.wallSeconds();
    System.out.printf("%-7s %,13d rows: %7.1f s wall, %,11.0f rows/s, %,11.0f rows/s per core; "
            + "%7.1f CPU-s, %,11.0f rows per CPU-second; %s%n",
        what, rows, m.wallSeconds(), rowsPerSecond, rowsPerSecond / cores,
        m.cpuSeconds(), rows / m.cpuSeconds(), detail);
  }

  private interface Work {
    Object run() throws Exception;
  }

  private record Measurement(double wallSeconds, double cpuSeconds, Object result) {}

  private static Measurement measure(Work work) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Object result = work.run();
    long t1 = System.nanoTime();
    long cpu1 = os.getProcessCpuTime();
    return new Measurement((t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, result);
  }

  private static void deleteRecursively(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
