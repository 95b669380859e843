package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * S10 Incremental materialization: the newest orders arrive in {@code batches} batches of
 * {@code batchFraction} of the table each (by order id, which rises with time), landed in the
 * scratch folder. Two aggregate tables ({@link S10Aggregates}) are first built from the older
 * orders, then kept up to date per batch by aggregating only the batch and merging it into the
 * previous version. After every batch a full recompute over everything landed so far is timed
 * too, and both versions must hold exactly the same rows.
 */
public final class S10IncrementalMaterialization implements Scenario {

  @Override
  public String id() {
    return "S10";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) throws Exception {
    int batches = context.parameters().intValue("batches");
    double fraction = context.parameters().number("batchFraction");
    SparkSession spark = context.spark();
    long total = context.manifest().table("orders").rows();
    long batchRows = Math.max(1, (long) Math.ceil(total * fraction));
    long baseRows = total - batches * batchRows;
    if (baseRows < 1) {
      throw new IllegalArgumentException(batches + " batches of " + fraction + " of " + total + " orders leave no base");
    }
    Path landing = new Path(context.scratch(), "landing");
    context.table("orders")
        .withColumn("batch", greatest(lit(0), ceil(substring(col("order_id"), 5, 12).cast("long").minus(baseRows - 1)
            .divide(batchRows)).cast("int")))
        .write().mode(SaveMode.Overwrite).partitionBy("batch").parquet(landing.toString());
    outcome.addRecords(total).addBytes(context.tableBytes("orders"));

    Map<S10Aggregates, Dataset<Row>> initial = new LinkedHashMap<>();
    for (S10Aggregates aggregate : S10Aggregates.values()) {
      initial.put(aggregate, aggregate.compute(landed(spark, landing, 0, 0)));
    }
    Map<S10Aggregates, Path> current = writeAll(initial, context.scratch(), "mv", 0);
    int tables = S10Aggregates.values().length;
    outcome.addRecords(tables * baseRows).addBytes(tables * landedBytes(context, landing, 0, 0));

    List<Double> incrementalMs = new ArrayList<>();
    List<Double> fullMs = new ArrayList<>();
    int matching = 0;
    List<String> mismatches = new ArrayList<>();
    for (int b = 1; b <= batches; b++) {
      long start = System.nanoTime();
      Map<S10Aggregates, Dataset<Row>> merged = new LinkedHashMap<>();
      for (S10Aggregates aggregate : S10Aggregates.values()) {
        merged.put(aggregate, aggregate.merge(spark.read().parquet(current.get(aggregate).toString()), landed(spark, landing, b, b)));
      }
      current = writeAll(merged, context.scratch(), "mv", b);
      incrementalMs.add((System.nanoTime() - start) / 1e6);
      outcome.latency(incrementalMs.get(incrementalMs.size() - 1)).addRecords(tables * batchRows)
          .addBytes(tables * landedBytes(context, landing, b, b));

      start = System.nanoTime();
      Map<S10Aggregates, Dataset<Row>> recomputed = new LinkedHashMap<>();
      for (S10Aggregates aggregate : S10Aggregates.values()) {
        recomputed.put(aggregate, aggregate.compute(landed(spark, landing, 0, b)));
      }
      Map<S10Aggregates, Path> full = writeAll(recomputed, context.scratch(), "full", b);
      fullMs.add((System.nanoTime() - start) / 1e6);
      outcome.addRecords(tables * (baseRows + b * batchRows)).addBytes(tables * landedBytes(context, landing, 0, b));

      boolean equal = true;
      for (S10Aggregates aggregate : S10Aggregates.values()) {
        long differing = differingRows(spark.read().parquet(current.get(aggregate).toString()),
            spark.read().parquet(full.get(aggregate).toString()));
        if (differing > 0) {
          equal = false;
          mismatches.add("batch " + b + ", " + aggregate.tableName() + ": " + differing + " rows differ");
        }
      }
      matching += equal ? 1 : 0;
    }
    double meanIncremental = incrementalMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double meanFull = fullMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    outcome.measured("matchesFullRecompute", (double) matching / batches)
        .measured("speedup", meanFull / meanIncremental)
        .detail("baseRows", baseRows)
        .detail("batchRows", batchRows)
        .detail("aggregates", List.of(S10Aggregates.values()).stream().map(S10Aggregates::tableName).toList())
        .detail("meanIncrementalMs", Math.round(meanIncremental))
        .detail("meanFullRecomputeMs", Math.round(meanFull))
        .detail("incrementalMs", incrementalMs.stream().map(Math::round).toList())
        .detail("fullRecomputeMs", fullMs.stream().map(Math::round).toList())
        .detail("mismatches", mismatches);
  }

  /**
   * Writes one version of every aggregate table, the tables concurrently (both the incremental and
   * the full path do), so Spark's per-job driver work overlaps with the other table's tasks.
   */
  static Map<S10Aggregates, Path> writeAll(Map<S10Aggregates, Dataset<Row>> tables, Path scratch, String kind, int version)
      throws InterruptedException, ExecutionException {
    Map<S10Aggregates, Path> written = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(tables.size());
    try {
      List<Future<?>> writes = new ArrayList<>();
      tables.forEach((aggregate, data) -> {
        Path path = new Path(scratch, kind + "/" + aggregate.tableName() + "/v" + version);
        written.put(aggregate, path);
        writes.add(pool.submit(() -> data.write().mode(SaveMode.Overwrite).parquet(path.toString())));
      });
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return written;
  }

  /** Bytes of the landed batches {@code from..to}, each read once per aggregate table. */
  private static long landedBytes(ScenarioContext context, Path landing, int from, int to) throws IOException {
    long bytes = 0;
    for (int b = from; b <= to; b++) {
      bytes += context.lake().sizeOf(new Path(landing, "batch=" + b)).bytes();
    }
    return bytes;
  }

  /** Orders of batches {@code from..to} from the landing folder (0 is the base). */
  static Dataset<Row> landed(SparkSession spark, Path landing, int from, int to) {
    List<String> paths = new ArrayList<>();
    for (int b = from; b <= to; b++) {
      paths.add(new Path(landing, "batch=" + b).toString());
    }
    return spark.read().option("basePath", landing.toString()).parquet(paths.toArray(String[]::new));
  }

  /** Rows in one table and not the other, both ways (duplicates counted). */
  static long differingRows(Dataset<Row> a, Dataset<Row> b) {
    Dataset<Row> right = b.select(a.columns()[0], Arrays.copyOfRange(a.columns(), 1, a.columns().length));
    return a.exceptAll(right).count() + right.exceptAll(a).count();
  }
}
