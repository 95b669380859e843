package io.brighthive.loadstress.generator.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.md5;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_seconds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The source project's baseline warehouse generator, re-implemented for comparison only: 1000
 * partitions, md5 record ids, 400 columns field_001..field_400 cycling string/double/boolean, a
 * constant metadata map, Parquet partitioned by a timestamp with one value per second.
 */
final class NaiveSourceDesign {

  private static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
  private static final long SECONDS_PER_YEAR = 365L * 24 * 3600;

  private NaiveSourceDesign() {}

  static void write(SparkSession spark, long rows, String path) {
    Column id = col("id");
    List<Column> columns = new ArrayList<>(List.of(
        md5(concat(lit("record_"), id.cast("string"))).as("record_id"),
        pmod(id, lit(1_000_000L)).as("entity_id"),
        timestamp_seconds(pmod(id, lit(SECONDS_PER_YEAR)).plus(START)).as("timestamp")));
    for (int i = 1; i <= 400; i++) {
      String name = String.format("field_%03d", i);
      Column value = switch (i % 3) {
        case 1 -> concat(lit("value_"), pmod(id, lit((long) i * 7)).cast("string"));
        case 2 -> id.multiply(i).divide(1000.0);
        default -> pmod(id, lit((long) i)).equalTo(0);
      };
      columns.add(value.as(name));
    }
    columns.add(map(lit("source"), lit("loadstress"), lit("version"), lit("1.0")).as("metadata"));
    spark.range(0, rows, 1, 1000)
        .select(columns.toArray(Column[]::new))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("timestamp")
        .parquet(path);
  }
}
