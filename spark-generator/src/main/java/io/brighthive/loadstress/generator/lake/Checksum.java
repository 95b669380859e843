package io.brighthive.loadstress.generator.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An order-independent content checksum: xxhash64 over all columns of a row, summed separately over
 * its two 32-bit halves (each sum fits a long for up to 2^31 rows), printed as 32 hex digits.
 * Partition count and row order do not change it; any changed value does.
 */
public final class Checksum {

  private Checksum() {}

  static Column[] aggregates(Dataset<Row> rows) {
    Column hash = xxhash64(Arrays.stream(rows.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new));
    return new Column[] {
      count(lit(1)).as("rows"),
      sum(shiftrightunsigned(hash, 32)).as("high"),
      sum(hash.bitwiseAND(lit(0xFFFFFFFFL))).as("low")
    };
  }

  /** The checksum of existing data, e.g. a table read back from the lake. */
  public static String of(Dataset<Row> rows) {
    Column[] aggregates = aggregates(rows);
    Row row = rows.agg(aggregates[0], aggregates[1], aggregates[2]).first();
    return format(Map.of("rows", row.get(0), "high", orZero(row.get(1)), "low", orZero(row.get(2))));
  }

  static long rows(Map<String, Object> observed) {
    return ((Number) observed.get("rows")).longValue();
  }

  static String format(Map<String, Object> observed) {
    return String.format("%016x%016x", orZero(observed.get("high")), orZero(observed.get("low")));
  }

  private static long orZero(Object value) {
    return value == null ? 0L : ((Number) value).longValue();
  }
}
