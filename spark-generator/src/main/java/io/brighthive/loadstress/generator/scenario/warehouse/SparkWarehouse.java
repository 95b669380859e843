package io.brighthive.loadstress.generator.scenario.warehouse;

import io.brighthive.loadstress.generator.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Spark SQL over the lake: each warehouse table becomes a temporary view of its Parquet folder. */
public final class SparkWarehouse implements Warehouse {

  private final SparkSession spark;

  public SparkWarehouse(SparkSession spark, Lake lake) {
    this.spark = spark;
    for (String table : tables(lake)) {
      view(table, new Path(new Path(lake.root(), Lake.WAREHOUSE), table));
    }
  }

  @Override
  public void view(String name, Path folder) {
    spark.read().parquet(folder.toString()).createOrReplaceTempView(name);
  }

  static List<String> tables(Lake lake) {
    Path warehouse = new Path(lake.root(), Lake.WAREHOUSE);
    try {
      List<String> names = new ArrayList<>();
      for (FileStatus status : lake.fileSystem().listStatus(warehouse)) {
        if (status.isDirectory() && !status.getPath().getName().startsWith("_")) {
          names.add(status.getPath().getName());
        }
      }
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the tables under " + warehouse, e);
    }
  }

  @Override
  public String engine() {
    return "spark";
  }

  @Override
  public QueryResult query(String sql) {
    long start = System.nanoTime();
    Dataset<Row> result = spark.sql(sql);
    List<Row> rows = result.collectAsList();
    double elapsed = (System.nanoTime() - start) / 1e6;
    List<List<Object>> values = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Object[] cells = new Object[row.length()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = row.get(i);
      }
      values.add(Arrays.asList(cells));
    }
    return new QueryResult(Arrays.asList(result.columns()), values, elapsed);
  }

  @Override
  public void close() {
    // The views belong to the shared session and are replaced by the next warehouse.
  }
}
