package io.brighthive.loadstress.generator.scenario.warehouse;

import io.brighthive.loadstress.generator.lake.Lake;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * The embedded DuckDB over a local lake's Parquet files: no server, one in-memory database per
 * run, a view per warehouse table. Only for {@code file:} lakes (DuckDB reads S3 only through an
 * extension it would download at run time). Two settings keep the SQL that Spark accepts working
 * the same here: the session time zone is UTC (timestamps compare and cast as in a UTC Spark
 * session), and {@code regexp_like(text, pattern)}, Spark's spelling of a regular-expression
 * match, is defined as DuckDB's {@code regexp_matches}.
 */
public final class DuckDbWarehouse implements Warehouse {

  public static final String DRIVER = "org.duckdb.DuckDBDriver";

  private final Connection connection;

  public DuckDbWarehouse(Lake lake) {
    if (!"file".equals(lake.uri().getScheme())) {
      throw new IllegalArgumentException("DuckDB reads local lakes only, not " + lake.uri());
    }
    try {
      Class.forName(DRIVER);
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TimeZone = 'UTC'");
        statement.execute("CREATE MACRO regexp_like(text, pattern) AS regexp_matches(text, pattern)");
      }
      for (String table : SparkWarehouse.tables(lake)) {
        view(table, new Path(new Path(lake.root(), Lake.WAREHOUSE), table));
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("DuckDB is not on the classpath (org.duckdb:duckdb_jdbc); use --param warehouse=spark", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open DuckDB over " + lake.uri() + ": " + e.getMessage(), e);
    }
  }

  /** True when the DuckDB driver can be loaded. */
  public static boolean available() {
    try {
      Class.forName(DRIVER, false, DuckDbWarehouse.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public void view(String name, Path folder) {
    String scheme = folder.toUri().getScheme();
    if (scheme != null && !"file".equals(scheme)) {
      throw new IllegalArgumentException("DuckDB reads local folders only, not " + folder);
    }
    String dir = new java.io.File(folder.toUri().getPath()).getAbsolutePath();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE VIEW " + name + " AS SELECT * FROM read_parquet('"
          + dir.replace("'", "''") + "/**/*.parquet')");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot register " + folder + " as " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String engine() {
    return "duckdb";
  }

  @Override
  public QueryResult query(String sql) {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(columns.size());
        for (int i = 1; i <= columns.size(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return new QueryResult(columns, rows, (System.nanoTime() - start) / 1e6);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB query failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close DuckDB: " + e.getMessage(), e);
    }
  }
}
