package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.brighthive.loadstress.generator.lake.OutputStats;
import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * S15 PII detection at scale: every string column of every warehouse table goes through the
 * detector in one distributed pass. A column where most cells are one whole PII value is a
 * structured PII column (scored against {@code pii_columns}); detections inside other text are
 * scored value by value against the planted {@code pii_locations}, and planted decoys that were
 * flagged count as false positives.
 */
public final class S15PiiDetection implements Scenario {

  private static final List<String> KEY = List.of("table_name", "row_key", "column_name", "pii_type", "value");

  @Override
  public String id() {
    return "S15";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    Dataset<Row> detections = null;
    Map<String, Long> rowsByTable = new TreeMap<>();
    List<String> pruned = new ArrayList<>();
    int columnsScanned = 0;
    for (OutputStats stats : context.manifest().tables()) {
      Dataset<Row> data = context.table(stats.name());
      List<String> columns = S15PiiScan.stringColumns(data.schema());
      if (columns.isEmpty()) {
        pruned.add(stats.name());
        continue;
      }
      long rows = data.count();
      rowsByTable.put(stats.name(), rows);
      columnsScanned += columns.size();
      outcome.addRecords(rows).addBytes(context.tableBytes(stats.name()));
      Dataset<Row> found = S15PiiScan.detections(stats.name(), data, columns);
      detections = detections == null ? found : detections.unionAll(found);
    }
    detections = detections.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      score(context, outcome, detections, rowsByTable);
    } finally {
      detections.unpersist();
    }
    outcome.detail("tablesScanned", rowsByTable.size())
        .detail("columnsScanned", columnsScanned)
        .detail("tablesPruned", pruned)
        .detail("rowsByTable", rowsByTable);
  }

  private static void score(ScenarioContext context, ScenarioOutcome outcome, Dataset<Row> detections,
      Map<String, Long> rowsByTable) {
    List<Row> columnStats = detections.groupBy("table_name", "column_name", "pii_type")
        .agg(count(lit(1)).as("detections"), sum(when(col("whole_cell"), 1).otherwise(0)).as("whole_cells"))
        .collectAsList();
    List<String> structured = new ArrayList<>();
    Column inStructured = lit(false);
    for (Row row : columnStats) {
      String table = row.getString(0);
      String column = row.getString(1);
      if (row.getLong(4) >= 0.5 * rowsByTable.get(table)) {
        structured.add(table + "." + column + ":" + row.getString(2));
        inStructured = inStructured.or(col("table_name").equalTo(table).and(col("column_name").equalTo(column)));
      }
    }
    structured.sort(null);
    Dataset<Row> values = detections.where(inStructured.unary_$bang()).select(KEY.stream().map(c -> col(c)).toArray(Column[]::new))
        .distinct();
    Dataset<Row> planted = context.groundTruth("pii_locations").select(KEY.stream().map(c -> col(c)).toArray(Column[]::new));
    Dataset<Row> decoys = context.groundTruth("pii_decoys").select("table_name", "row_key", "column_name", "value");

    long flagged = values.count();
    long plantedCount = planted.count();
    long truePositives = values.join(planted, scala(KEY), "inner").count();
    long decoysFlagged = values.join(decoys, scala(List.of("table_name", "row_key", "column_name", "value")), "left_semi").count();
    Dataset<Row> falsePositives = values.join(planted, scala(KEY), "left_anti");
    Map<String, Long> falseByType = new TreeMap<>();
    falsePositives.groupBy("pii_type").count().collectAsList().forEach(r -> falseByType.put(r.getString(0), r.getLong(1)));
    Map<String, Long> foundByType = new TreeMap<>();
    values.groupBy("pii_type").count().collectAsList().forEach(r -> foundByType.put(r.getString(0), r.getLong(1)));
    List<String> falseExamples = falsePositives.limit(5).collectAsList().stream()
        .map(r -> r.getString(0) + "/" + r.getString(1) + "/" + r.getString(2) + ": " + r.getString(3) + " '" + r.getString(4) + "'")
        .toList();

    double precision = flagged == 0 ? (plantedCount == 0 ? 1.0 : 0.0) : truePositives / (double) flagged;
    double recall = plantedCount == 0 ? 1.0 : truePositives / (double) plantedCount;
    outcome.measured("precision", precision).measured("recall", recall);

    List<String> plantedColumns = context.groundTruth("pii_columns").where(col("pii_type").isin("email", "phone"))
        .collectAsList().stream().map(r -> r.getString(0) + "." + r.getString(1) + ":" + r.getString(2)).sorted().toList();
    long columnHits = plantedColumns.stream().filter(structured::contains).count();
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("flagged", structured);
    columns.put("plantedPatternColumns", plantedColumns);
    columns.put("recall", plantedColumns.isEmpty() ? 1.0 : columnHits / (double) plantedColumns.size());
    columns.put("note", "names (person_name) and free-text classes of pii_columns need a dictionary or NER model, not patterns");

    outcome.detail("valueDetections", flagged)
        .detail("plantedValues", plantedCount)
        .detail("truePositives", truePositives)
        .detail("falsePositives", flagged - truePositives)
        .detail("falseNegatives", plantedCount - truePositives)
        .detail("decoysFlagged", decoysFlagged)
        .detail("detectionsByType", foundByType)
        .detail("falsePositivesByType", falseByType)
        .detail("falsePositiveExamples", falseExamples)
        .detail("structuredColumns", columns);
  }

  private static scala.collection.Seq<String> scala(List<String> columns) {
    return scala.collection.JavaConverters.asScalaBuffer(columns).toSeq();
  }
}
