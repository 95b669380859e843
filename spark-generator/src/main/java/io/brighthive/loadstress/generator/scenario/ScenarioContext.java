package io.brighthive.loadstress.generator.scenario;

import io.brighthive.loadstress.generator.lake.Lake;
import io.brighthive.loadstress.generator.lake.Manifest;
import io.brighthive.loadstress.generator.scenario.warehouse.Warehouse;
import io.brighthive.loadstress.generator.scenario.warehouse.Warehouses;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a scenario works with: the Spark session, the generated lake and its manifest, the checked
 * parameters, a warehouse opened on first use, and a scratch folder inside the lake that the
 * runner removes after the run.
 */
public final class ScenarioContext implements AutoCloseable {

  private final SparkSession spark;
  private final Lake lake;
  private final Manifest manifest;
  private final ScenarioParameters parameters;
  private final Path scratch;
  private Warehouse warehouse;
  private String warehouseEngine;

  public ScenarioContext(SparkSession spark, Lake lake, Manifest manifest, ScenarioParameters parameters, Path scratch) {
    this.spark = spark;
    this.lake = lake;
    this.manifest = manifest;
    this.parameters = parameters;
    this.scratch = scratch;
  }

  public SparkSession spark() {
    return spark;
  }

  public Lake lake() {
    return lake;
  }

  /** The generator's manifest: records, seed, tables with row counts and bytes. */
  public Manifest manifest() {
    return manifest;
  }

  public ScenarioParameters parameters() {
    return parameters;
  }

  /** A folder of this run's own, inside the lake (so it works on S3 too); deleted when the run ends. */
  public Path scratch() {
    return scratch;
  }

  public Dataset<Row> table(String name) {
    return spark.read().parquet(tablePath(name).toString());
  }

  public Dataset<Row> groundTruth(String name) {
    return spark.read().parquet(new Path(new Path(lake.root(), Lake.GROUND_TRUTH), name).toString());
  }

  public Path tablePath(String name) {
    return new Path(new Path(lake.root(), Lake.WAREHOUSE), name);
  }

  /** Bytes of the table's data files, for the result's bytesScanned. */
  public long tableBytes(String name) {
    try {
      return lake.sizeOf(tablePath(name)).bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The warehouse chosen by the scenario's {@code warehouse} parameter (auto when it has none). */
  public synchronized Warehouse warehouse() {
    if (warehouse == null) {
      String choice = parameters.asMap().getOrDefault("warehouse", "auto");
      warehouse = Warehouses.open(choice, spark, lake);
      warehouseEngine = warehouse.engine();
    }
    return warehouse;
  }

  /** The engine of the warehouse if one was opened, for the result. */
  synchronized String warehouseEngine() {
    return warehouseEngine;
  }

  @Override
  public synchronized void close() {
    if (warehouse != null) {
      warehouse.close();
      warehouse = null;
    }
  }
}
