package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.sketch.BloomFilter;

/**
 * One table's screen: only its text columns are read; a row survives the substring test only when
 * a text cell carries the marker prefix, then only when one of its markers may be wanted by the
 * broadcast Bloom filter; the driver confirms the few survivors against the exact set.
 */
final class S12Screen {

  static final double FALSE_POSITIVE_RATE = 0.01;

  record Hit(String table, String rowKey, String column, String marker) {}

  private final Set<String> wanted;
  private final BloomFilter filter;
  private final UserDefinedFunction mightContain;
  private long bloomPassed;

  S12Screen(SparkSession spark, List<String> markers) {
    this.wanted = new HashSet<>(markers);
    this.filter = BloomFilter.create(Math.max(1, markers.size()), FALSE_POSITIVE_RATE);
    markers.forEach(filter::putString);
    Broadcast<BloomFilter> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(filter);
    this.mightContain = udf((UDF1<String, Boolean>) m -> shared.value().mightContainString(m), DataTypes.BooleanType);
  }

  /** The candidate rows of one table (row_key, column, marker), lazily; the table's row count arrives through {@code rows}. */
  Dataset<Row> candidates(String tableName, Dataset<Row> table, List<String> textColumns, Observation rows) {
    Column key = col(table.columns()[0]).cast("string").as("row_key");
    Column anyPrefix = lit(false);
    List<Column> cells = new ArrayList<>();
    for (String c : textColumns) {
      anyPrefix = anyPrefix.or(col(c).contains(S12Markers.PREFIX));
      cells.add(struct(lit(c).as("column"), col(c).as("text")));
    }
    return table.observe(rows, count(lit(1)).as("rows"))
        .where(anyPrefix)
        .select(key, array(cells.toArray(Column[]::new)).as("cells"))
        .select(lit(tableName).as("table_name"), col("row_key"), explode(col("cells")).as("cell"))
        .select(col("table_name"), col("row_key"), col("cell.column").as("column"),
            explode(regexp_extract_all(col("cell.text"), lit(S12Markers.PATTERN), lit(0))).as("marker"))
        .where(mightContain.apply(col("marker")));
  }

  /** Runs the screens of all tables as one job and confirms the survivors against the exact set. */
  List<Hit> confirm(Dataset<Row> candidates) {
    List<Hit> hits = new ArrayList<>();
    for (Row row : candidates.collectAsList()) {
      bloomPassed++;
      if (wanted.contains(row.getString(3))) {
        hits.add(new Hit(row.getString(0), row.getString(1), row.getString(2), row.getString(3)));
      }
    }
    return hits;
  }

  Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("markers", wanted.size());
    out.put("bits", filter.bitSize());
    out.put("expectedFalsePositiveRate", FALSE_POSITIVE_RATE);
    out.put("passedToExactCheck", bloomPassed);
    return out;
  }
}
