package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import io.brighthive.loadstress.generator.data.TimeWindow;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Plants quality defects, since the generator writes clean data: for each kind, {@code perKind}
 * real rows (picked by a hash of their key and the lake's seed) are altered in one column and
 * written to scratch. The scored table is the original minus those rows plus the altered ones (a
 * duplicate is appended instead), so each planted row carries exactly one defect. What was planted
 * is the ground truth that the scorer must find exactly.
 */
final class S05DefectPlanter {

  /** One kind of defect: the table, the column, the check that must catch it, and how a good row is spoiled. */
  record Kind(String table, String column, String check, UnaryOperator<Object> spoil) {}

  private static final Timestamp FUTURE = Timestamp.from(TimeWindow.AS_OF.plus(Duration.ofDays(30)));

  static final List<Kind> KINDS = List.of(
      new Kind("orders", "order_id", "duplicate", v -> v),
      new Kind("orders", "customer_id", "missing", v -> null),
      new Kind("orders", "customer_id", "orphan", v -> "CUST-X" + v),
      new Kind("orders", "status", "invalid", v -> "lost_in_transit"),
      new Kind("orders", "order_amount", "invalid", v -> ((BigDecimal) v).negate()),
      new Kind("orders", "order_timestamp", "invalid", v -> FUTURE),
      new Kind("customers", "customer_id", "duplicate", v -> v),
      new Kind("customers", "company_name", "missing", v -> null),
      new Kind("customers", "segment", "invalid", v -> "Enterprize"),
      new Kind("events", "customer_id", "orphan", v -> "CUST-X" + v),
      new Kind("events", "event_time", "invalid", v -> FUTURE),
      new Kind("query_logs", "table_id", "orphan", v -> 900_000_000 + (Integer) v));

  /** The planted defects, and per table the altered rows' folder and the keys of the originals they replace. */
  record Planted(List<S05Finding> defects, Map<String, String> files, Map<String, List<Object>> replacedKeys, long rows) {

    /** The warehouse view of a table's altered rows. */
    static String view(String table) {
      return "s05_defects_" + table;
    }

    /**
     * The table as scored, as SQL for a FROM clause: the original without the replaced rows, plus
     * the planted ones (read through {@link #view}, which the caller registers over {@link #files}).
     */
    String source(String name, String key) {
      if (!files.containsKey(name)) {
        return name;
      }
      List<Object> replaced = replacedKeys.get(name);
      String kept = replaced.isEmpty() ? "SELECT * FROM " + name
          : "SELECT * FROM " + name + " WHERE " + key + " IS NULL OR " + key + " NOT IN ("
              + String.join(", ", replaced.stream().map(Planted::literal).toList()) + ")";
      return "(" + kept + " UNION ALL SELECT * FROM " + view(name) + ")";
    }

    private static String literal(Object key) {
      if (key instanceof Number) {
        return key.toString();
      }
      if (key instanceof String text) {
        return "'" + text.replace("'", "''") + "'";
      }
      throw new IllegalArgumentException("a key of type " + key.getClass().getName() + " cannot be planted");
    }
  }

  private S05DefectPlanter() {}

  static Planted plant(SparkSession spark, Map<String, Dataset<Row>> tables, Map<String, S05QualityRules> rules,
      Path scratch, long seed, int perKind) {
    Map<String, List<Kind>> byTable = new LinkedHashMap<>();
    KINDS.forEach(k -> byTable.computeIfAbsent(k.table(), t -> new ArrayList<>()).add(k));
    List<S05Finding> planted = new ArrayList<>();
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, List<Object>> replacedKeys = new LinkedHashMap<>();
    long rows = 0;
    for (var entry : byTable.entrySet()) {
      Dataset<Row> table = tables.get(entry.getKey());
      if (table == null) {
        continue;
      }
      StructType schema = table.schema();
      String key = rules.get(entry.getKey()).key().get(0);
      List<Row> picked = table.orderBy(xxhash64(col(key), lit(seed))).limit(perKind * entry.getValue().size()).collectAsList();
      List<Row> spoiled = new ArrayList<>();
      List<Object> replaced = new ArrayList<>();
      int keyIndex = schema.fieldIndex(key);
      int next = 0;
      for (Kind kind : entry.getValue()) {
        int count = 0;
        for (int i = 0; i < perKind && next < picked.size(); i++, next++) {
          Object[] values = new Object[schema.size()];
          for (int c = 0; c < values.length; c++) {
            values[c] = picked.get(next).get(c);
          }
          int column = schema.fieldIndex(kind.column());
          values[column] = kind.spoil().apply(values[column]);
          spoiled.add(RowFactory.create(values));
          if (!kind.check().equals("duplicate")) {
            replaced.add(values[keyIndex]);
          }
          count++;
        }
        planted.add(new S05Finding(kind.table(), kind.column(), kind.check(), count));
      }
      String target = new Path(new Path(scratch, "defects"), entry.getKey()).toString();
      spark.createDataFrame(spoiled, schema).coalesce(1).write().parquet(target);
      files.put(entry.getKey(), target);
      replacedKeys.put(entry.getKey(), replaced);
      rows += spoiled.size();
    }
    return new Planted(planted, files, replacedKeys, rows);
  }
}
