package io.brighthive.loadstress.generator.scenario.warehouse;

import org.apache.hadoop.fs.Path;

/**
 * The SQL warehouse that latency-measuring scenarios query. Every table of the lake's
 * {@code warehouse/} folder is visible under its own name. On a local lake the embedded DuckDB
 * reads the Parquet files directly; elsewhere Spark SQL does. Queries stay in the SQL both accept.
 */
public interface Warehouse extends AutoCloseable {

  /** "duckdb" or "spark". */
  String engine();

  /**
   * Makes the Parquet files under {@code folder} (for DuckDB, a local folder) queryable as
   * {@code name}, replacing a view of that name: for data a scenario writes itself, such as its
   * scratch folder.
   */
  void view(String name, Path folder);

  /** Runs one query and returns every row; the elapsed time covers execution and fetching. */
  QueryResult query(String sql);

  @Override
  void close();
}
