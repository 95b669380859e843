package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Storage statistics per catalogued table (what {@code SVV_TABLE_INFO} or S3 inventory would give),
 * which the generator does not write: planted into the run's scratch folder, seeded from the
 * manifest's seed, and read back from there like any other catalog source.
 */
final class S16TableStorage {

  static final double S3_STANDARD_USD_PER_GB_MONTH = 0.023;
  private static final double MIN_BYTES = 1L << 20;
  private static final double MAX_BYTES = 64L << 30;
  private static final long BUCKETS = 1_000_000L;

  private S16TableStorage() {}

  static Dataset<Row> plant(ScenarioContext context, Dataset<Row> catalog) {
    long seed = context.manifest().parameters().seed();
    Column u = pmod(xxhash64(col("table_name"), lit(seed), lit("storage")), lit(BUCKETS)).cast("double").divide(BUCKETS);
    Column bytes = floor(exp(u.multiply(Math.log(MAX_BYTES / MIN_BYTES))).multiply(MIN_BYTES)).cast("long");
    String path = new org.apache.hadoop.fs.Path(context.scratch(), "table_storage").toString();
    catalog.select(col("table_name"), bytes.as("storage_bytes")).coalesce(1).write().mode("overwrite").parquet(path);
    return context.spark().read().parquet(path);
  }
}
