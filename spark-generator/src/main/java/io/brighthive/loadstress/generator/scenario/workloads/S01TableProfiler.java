package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Profiles one table in two scans: row count and per-column statistics (non-nulls, approximate
 * distinct values, min and max, or min and max length for text) in one aggregation; the most
 * frequent values of the low-cardinality columns in one grouped pass; plus a few sample rows.
 */
final class S01TableProfiler {

  /** Columns with more distinct values than this have no meaningful "top values". */
  static final long CATEGORICAL_LIMIT = 1_000;
  private static final int SAMPLE_TEXT = 120;

  record ColumnProfile(String name, String type, long nonNull, long distinct, String min, String max, boolean text) {}

  record TableProfile(String table, long rows, List<ColumnProfile> columns, Map<String, List<Map.Entry<String, Long>>> topValues,
      List<String> samples, long scans) {}

  private S01TableProfiler() {}

  static TableProfile profile(String name, Dataset<Row> table, int topValues, int sampleRows) {
    StructField[] fields = table.schema().fields();
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count(lit(1)).as("__rows"));
    for (int i = 0; i < fields.length; i++) {
      Column c = col("`" + fields[i].name() + "`");
      boolean text = fields[i].dataType().equals(DataTypes.StringType);
      aggregates.add(count(c).as("n" + i));
      aggregates.add(approx_count_distinct(c).as("d" + i));
      aggregates.add(min(text ? length(c) : c).cast("string").as("lo" + i));
      aggregates.add(max(text ? length(c) : c).cast("string").as("hi" + i));
    }
    Row stats = table.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
    long rows = stats.getLong(0);
    List<ColumnProfile> columns = new ArrayList<>();
    List<String> categorical = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      boolean text = fields[i].dataType().equals(DataTypes.StringType);
      long distinct = stats.getLong(stats.fieldIndex("d" + i));
      columns.add(new ColumnProfile(fields[i].name(), fields[i].dataType().simpleString(), stats.getLong(stats.fieldIndex("n" + i)),
          distinct, stats.getString(stats.fieldIndex("lo" + i)), stats.getString(stats.fieldIndex("hi" + i)), text));
      if (distinct > 0 && distinct <= CATEGORICAL_LIMIT && !fields[i].dataType().equals(DataTypes.DoubleType)) {
        categorical.add(fields[i].name());
      }
    }
    long scans = 1;
    Map<String, List<Map.Entry<String, Long>>> top = new LinkedHashMap<>();
    if (!categorical.isEmpty() && topValues > 0) {
      StringBuilder stack = new StringBuilder("stack(" + categorical.size());
      for (String column : categorical) {
        stack.append(", '").append(column).append("', CAST(`").append(column).append("` AS STRING)");
      }
      stack.append(") AS (column_name, value)");
      List<Row> ranked = table.select(expr(stack.toString())).where(col("value").isNotNull())
          .groupBy("column_name", "value").count()
          .withColumn("rank", row_number().over(Window.partitionBy("column_name").orderBy(col("count").desc(), col("value"))))
          .where(col("rank").leq(topValues)).orderBy("column_name", "rank").collectAsList();
      categorical.forEach(c -> top.put(c, new ArrayList<>()));
      for (Row row : ranked) {
        top.get(row.getString(0)).add(Map.entry(row.getString(1), row.getLong(2)));
      }
      scans++;
    }
    List<String> samples = new ArrayList<>();
    if (sampleRows > 0) {
      for (Row row : table.limit(sampleRows).collectAsList()) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
          Object value = row.get(i);
          String shown = value == null ? "null" : value.toString();
          line.append(i == 0 ? "" : ", ").append(fields[i].name()).append('=')
              .append(shown.length() > SAMPLE_TEXT ? shown.substring(0, SAMPLE_TEXT) + "…" : shown);
        }
        samples.add(line.toString());
      }
    }
    return new TableProfile(name, rows, columns, top, samples, scans);
  }
}
