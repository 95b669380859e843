package io.brighthive.loadstress.generator.data;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A table of the source project's warehouse schema, in column order (COPY from Parquet is positional). */
public record TableSpec(String name, List<ColumnSpec> columns, List<String> primaryKey) {

  /** Selects exactly the declared columns, in order, cast to their declared types. */
  public Dataset<Row> conform(Map<String, Column> values, Dataset<Row> source) {
    Column[] selected = columns.stream()
        .map(c -> {
          Column value = values.get(c.name());
          if (value == null) {
            throw new IllegalStateException(name + "." + c.name() + " has no generator");
          }
          return value.cast(c.sparkType()).as(c.name());
        })
        .toArray(Column[]::new);
    if (values.size() != columns.size()) {
      throw new IllegalStateException(name + ": generated columns " + values.keySet()
          + " do not match the declared ones");
    }
    return source.select(selected);
  }
}
