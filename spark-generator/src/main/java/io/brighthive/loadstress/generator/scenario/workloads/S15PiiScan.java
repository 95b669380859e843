package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The distributed part of S15: every string column of a table through {@link S15PiiDetector} in one
 * scan of the table, one row per detection with the table, column, row key (the table's first column) and whether the
 * detection is the whole cell (a structured PII column) or part of free text.
 */
final class S15PiiScan {

  static final StructType DETECTION = new StructType()
      .add("column_index", DataTypes.IntegerType, false)
      .add("pii_type", DataTypes.StringType, false)
      .add("value", DataTypes.StringType, false)
      .add("whole_cell", DataTypes.BooleanType, false);

  private static final UserDefinedFunction DETECT = udf((UDF1<scala.collection.Seq<String>, List<Row>>) S15PiiScan::detect,
      DataTypes.createArrayType(DETECTION));

  private S15PiiScan() {}

  /** The detections in the string cells of one row, each with the index of its column. */
  static List<Row> detect(scala.collection.Seq<String> cells) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < cells.length(); i++) {
      String text = cells.apply(i);
      for (S15PiiDetector.Detection d : S15PiiDetector.detect(text)) {
        rows.add(RowFactory.create(i, d.type().label(), d.value(), d.start() == 0 && d.end() == text.length()));
      }
    }
    return rows;
  }

  /** The string columns of a table, or none (a table without text is pruned from the scan). */
  static List<String> stringColumns(StructType schema) {
    List<String> names = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (field.dataType() instanceof StringType) {
        names.add(field.name());
      }
    }
    return names;
  }

  /** Detections of one table: table_name, column_name, row_key, pii_type, value, whole_cell. */
  static Dataset<Row> detections(String table, Dataset<Row> data, List<String> columns) {
    Column key = col(data.columns()[0]).cast("string").as("row_key");
    Column cells = array(columns.stream().map(c -> col(c)).toArray(Column[]::new));
    Column names = array(columns.stream().map(c -> lit(c)).toArray(Column[]::new));
    return data.select(key, explode(DETECT.apply(cells)).as("d"))
        .select(lit(table).as("table_name"), element_at(names, col("d.column_index").plus(1)).as("column_name"),
            col("row_key"), col("d.pii_type").as("pii_type"), col("d.value").as("value"), col("d.whole_cell").as("whole_cell"));
  }
}
