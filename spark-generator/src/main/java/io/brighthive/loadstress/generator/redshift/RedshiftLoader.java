package io.brighthive.loadstress.generator.redshift;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RedshiftLoadPlan} over plain JDBC. The Redshift JDBC driver is not bundled: put it
 * on the classpath at run time (e.g. {@code spark-submit --jars redshift-jdbc42-2.x.jar}).
 */
public final class RedshiftLoader {

  /** Opens a connection; tests substitute one that records statements. */
  @FunctionalInterface
  public interface Connector {
    Connection connect(String url, Properties properties) throws SQLException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(RedshiftLoader.class);
  private static final List<String> DRIVER_CLASSES = List.of("com.amazon.redshift.Driver", "com.amazon.redshift.jdbc42.Driver");

  private final Connector connector;

  public RedshiftLoader(Connector connector) {
    this.connector = connector;
  }

  public static RedshiftLoader withDriverManager() {
    return new RedshiftLoader(RedshiftLoader::connectWithAnyDriver);
  }

  public void load(RedshiftLoadPlan plan, String jdbcUrl, RedshiftCredentials credentials) throws SQLException {
    LOG.info("Loading {} into Redshift at {} as {}", plan.tables(), jdbcUrl, credentials);
    try (Connection connection = connector.connect(jdbcUrl, credentials.toJdbcProperties())) {
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        for (String sql : plan.statements()) {
          long start = System.nanoTime();
          statement.execute(sql);
          LOG.info("Redshift: {} ({} ms)", firstLine(sql), (System.nanoTime() - start) / 1_000_000);
        }
      }
    }
  }

  /**
   * DriverManager ignores drivers that a child class loader (spark-submit --jars) loaded, so fall
   * back to instantiating the Redshift driver through the context class loader.
   */
  private static Connection connectWithAnyDriver(String url, Properties properties) throws SQLException {
    try {
      return DriverManager.getConnection(url, properties);
    } catch (SQLException noSuitableDriver) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      for (String name : DRIVER_CLASSES) {
        try {
          Driver driver = (Driver) Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
          Connection connection = driver.connect(url, properties);
          if (connection != null) {
            return connection;
          }
        } catch (ReflectiveOperationException | LinkageError absent) {
          // try the next known driver class
        }
      }
      throw new SQLException("no JDBC driver for " + url + " on the classpath; "
          + "add the Redshift JDBC driver (redshift-jdbc42) to the job", noSuitableDriver);
    }
  }

  private static String firstLine(String sql) {
    int newline = sql.indexOf('\n');
    return newline < 0 ? sql : sql.substring(0, newline) + " ...";
  }
}
