package io.brighthive.loadstress.generator;

import org.apache.spark.sql.SparkSession;

/** The one local SparkSession of the test JVM: starting Spark costs seconds, so every test shares it. */
public final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("spark-generator-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "2")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      SparkSessions.applyDefaults(session.conf());
    }
    return session;
  }
}
