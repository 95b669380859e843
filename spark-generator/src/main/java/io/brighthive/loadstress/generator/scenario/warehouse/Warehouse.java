package io.brighthive.loadstress.generator.scenario.warehouse;

/**
 * The SQL warehouse that latency-measuring scenarios query. Every table of the lake's
 * {@code warehouse/} folder is visible under its own name. On a local lake the embedded DuckDB
 * reads the Parquet files directly; elsewhere Spark SQL does. Queries stay in the SQL both accept.
 */
public interface Warehouse extends AutoCloseable {

  /** "duckdb" or "spark". */
  String engine();

  /** Runs one query and returns every row; the elapsed time covers execution and fetching. */
  QueryResult query(String sql);

  @Override
  void close();
}
