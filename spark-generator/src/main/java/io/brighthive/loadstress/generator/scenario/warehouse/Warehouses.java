package io.brighthive.loadstress.generator.scenario.warehouse;

import io.brighthive.loadstress.generator.lake.Lake;
import org.apache.spark.sql.SparkSession;

/** Picks the warehouse for a run: {@code duckdb}, {@code spark}, or {@code auto} (DuckDB for a local lake when it is on the classpath). */
public final class Warehouses {

  private Warehouses() {}

  public static Warehouse open(String choice, SparkSession spark, Lake lake) {
    return switch (choice) {
      case "duckdb" -> new DuckDbWarehouse(lake);
      case "spark" -> new SparkWarehouse(spark, lake);
      case "auto" -> "file".equals(lake.uri().getScheme()) && DuckDbWarehouse.available()
          ? new DuckDbWarehouse(lake) : new SparkWarehouse(spark, lake);
      default -> throw new IllegalArgumentException("unknown warehouse '" + choice + "': use auto, duckdb or spark");
    };
  }
}
