package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exact duplicate keys at the cost of a shuffle of 8-byte hashes instead of the keys themselves:
 * rows are grouped by a 64-bit hash of the key, and only when some hash occurs more than once are
 * those few groups grouped again by the real key, so a hash collision is never a duplicate.
 */
final class S05KeyCheck {

  record Result(long rows, long duplicates, int passes) {}

  private S05KeyCheck() {}

  static Result run(Dataset<Row> table, List<String> key) {
    Column[] columns = key.stream().map(k -> col(k)).toArray(Column[]::new);
    Column present = key.stream().map(k -> col(k).isNotNull()).reduce(Column::and).orElseThrow();
    Dataset<Row> hashed = table.where(present).select(xxhash64(columns).as("h"));
    Row counted = hashed.groupBy("h").count().agg(sum("count"), sum(col("count").minus(1)), count(lit(1))).first();
    long rows = counted.isNullAt(0) ? 0 : counted.getLong(0);
    long surplus = counted.isNullAt(1) ? 0 : counted.getLong(1);
    if (surplus == 0) {
      return new Result(rows, 0, 1);
    }
    List<Long> shared = hashed.groupBy("h").count().where(col("count").gt(1)).select("h").as(org.apache.spark.sql.Encoders.LONG())
        .collectAsList();
    Row exact = table.where(present.and(xxhash64(columns).isin(shared.toArray()))).groupBy(columns).count()
        .agg(sum(col("count").minus(1))).first();
    return new Result(rows, exact.isNullAt(0) ? 0 : exact.getLong(0), 3);
  }
}
