package io.brighthive.loadstress.generator.scenario.workloads;

import org.apache.spark.sql.SparkSession;

/**
 * Sizes {@code spark.sql.shuffle.partitions} to the data for the length of a scenario, unless the
 * submitter set it. Spark's default of 200 made a 15K-row join take 27 s in local mode at 1M
 * records (200 map outputs per task); about one partition per 64 MB, at least the parallelism,
 * fits both a laptop and EMR. The previous value is restored on close.
 */
final class SizedShuffle implements AutoCloseable {

  static final String KEY = "spark.sql.shuffle.partitions";
  private static final long BYTES_PER_PARTITION = 64L << 20;

  private final SparkSession spark;
  private final boolean changed;

  private SizedShuffle(SparkSession spark, boolean changed) {
    this.spark = spark;
    this.changed = changed;
  }

  static SizedShuffle forBytes(SparkSession spark, long bytes) {
    if (spark.conf().contains(KEY)) {
      return new SizedShuffle(spark, false);
    }
    int parallelism = spark.sparkContext().defaultParallelism();
    long partitions = Math.max(parallelism, Math.min(10_000, bytes / BYTES_PER_PARTITION));
    spark.conf().set(KEY, Long.toString(partitions));
    return new SizedShuffle(spark, true);
  }

  @Override
  public void close() {
    if (changed) {
      spark.conf().unset(KEY);
    }
  }
}
