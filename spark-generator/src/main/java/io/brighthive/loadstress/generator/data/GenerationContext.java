package io.brighthive.loadstress.generator.data;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * What every dataset generator needs. {@code rowsPerTask} and {@code parallelism} only shape the
 * file layout: no generated value depends on them.
 */
public record GenerationContext(
    SparkSession spark,
    Sizes sizes,
    HashRandom random,
    double conflictRate,
    long rowsPerTask,
    int parallelism) {

  /** {@code spark.range(rows)} with an id column and no shuffle ahead of it. */
  public Dataset<Row> range(long rows) {
    return spark.range(0, rows, 1, partitionsFor(rows)).toDF();
  }

  /**
   * Rows built on the driver, as one output file. Sliced so that no task carries more than about a
   * megabyte of them (Spark warns above that), then gathered by a tiny shuffle.
   */
  public Dataset<Row> fromDriver(List<Row> rows, StructType schema) {
    int slices = Math.max(1, Math.min(64, rows.size() / 5_000));
    Dataset<Row> frame = spark.createDataFrame(
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices), schema);
    return slices == 1 ? frame : frame.repartition(1);
  }

  /** Enough tasks to bound file size, rounded up to whole waves so no core idles at the end. */
  public int partitionsFor(long rows) {
    long needed = Math.max(1, (rows + rowsPerTask - 1) / rowsPerTask);
    if (needed <= 1 && rows < rowsPerTask / 4) {
      return 1;
    }
    long waves = (needed + parallelism - 1) / parallelism;
    return (int) Math.min(Integer.MAX_VALUE, waves * parallelism);
  }
}
