package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** One pass per table: rows, and per joinable column its non-null count, distinct count and longest text. */
final class S07ColumnProfiles {

  /** A string or integral column of one table. */
  record Profile(String table, String column, boolean numeric, long rows, long nonNull, long distinct, int minLength, int maxLength) {

    /** Every row has a value and every value is different: a key that others may reference. */
    boolean isKey() {
      return rows > 0 && nonNull == rows && distinct == rows;
    }
  }

  private S07ColumnProfiles() {}

  static List<Profile> profile(String table, Dataset<Row> data) {
    List<StructField> joinable = new ArrayList<>();
    for (StructField field : data.schema().fields()) {
      if (family(field.dataType()) != null) {
        joinable.add(field);
      }
    }
    List<Column> aggregates = new ArrayList<>(List.of(count(lit(1))));
    for (StructField field : joinable) {
      aggregates.add(count(col(field.name())));
      aggregates.add(countDistinct(col(field.name())));
      boolean text = field.dataType().equals(DataTypes.StringType);
      aggregates.add(text ? min(length(col(field.name()))) : lit(0));
      aggregates.add(text ? max(length(col(field.name()))) : lit(0));
    }
    Row stats = data.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
    long rows = stats.getLong(0);
    List<Profile> profiles = new ArrayList<>();
    for (int i = 0; i < joinable.size(); i++) {
      StructField field = joinable.get(i);
      profiles.add(new Profile(table, field.name(), family(field.dataType()).equals("integral"), rows, stats.getLong(1 + 4 * i),
          stats.getLong(2 + 4 * i), intOrZero(stats.get(3 + 4 * i)), intOrZero(stats.get(4 + 4 * i))));
    }
    return profiles;
  }

  private static int intOrZero(Object value) {
    return value == null ? 0 : ((Number) value).intValue();
  }

  /** Up to {@code size} distinct values, the ones with the smallest hashes, so the sample is stable and spread. */
  static List<String> sample(Dataset<Row> data, String column, int size) {
    Column value = col(column).cast(DataTypes.StringType);
    return data.select(value.as("v")).where(col("v").isNotNull()).distinct()
        .orderBy(xxhash64(col("v")), col("v")).limit(size).collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  /** "text", "integral", or null for columns that cannot be join keys here. */
  static String family(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return "text";
    }
    if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType) || type.equals(DataTypes.ShortType)) {
      return "integral";
    }
    return null;
  }
}
