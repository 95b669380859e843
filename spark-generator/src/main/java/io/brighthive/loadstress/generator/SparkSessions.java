package io.brighthive.loadstress.generator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Session setup that never overrides spark-submit: builder options beat {@code --conf}, so the
 * builder gets only what is absent, and SQL defaults are applied after getOrCreate only when unset.
 */
public final class SparkSessions {

  static final Map<String, String> SQL_DEFAULTS = Map.of(
      // Redshift COPY and DuckDB both read INT64 micros; INT96 is deprecated.
      "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS",
      "spark.sql.parquet.compression.codec", "snappy");

  private SparkSessions() {}

  public static SparkSession getOrCreate(String appName) {
    SparkSession.Builder builder = SparkSession.builder();
    builderDefaults(new SparkConf(), appName).forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    applyDefaults(spark.conf());
    return spark;
  }

  /** What the builder must set: a master and a name, only when spark-submit gave none. */
  static Map<String, String> builderDefaults(SparkConf submitted, String appName) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (!submitted.contains("spark.master")) {
      settings.put("spark.master", "local[*]");
    }
    if (!submitted.contains("spark.app.name")) {
      settings.put("spark.app.name", appName);
    }
    return settings;
  }

  public static void applyDefaults(RuntimeConfig conf) {
    SQL_DEFAULTS.forEach((key, value) -> {
      if (!conf.contains(key)) {
        conf.set(key, value);
      }
    });
  }
}
