package io.brighthive.loadstress.generator.lake;

import io.brighthive.loadstress.generator.data.Output;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes one output as Parquet (mode overwrite: a rerun replaces, never appends) and measures its
 * content checksum in the same pass through Spark's observed metrics.
 */
public final class LakeWriter {

  private static final AtomicLong OBSERVATIONS = new AtomicLong();

  private final Lake lake;

  public LakeWriter(Lake lake) {
    this.lake = lake;
  }

  public OutputStats write(Output output) throws IOException {
    Path path = lake.pathFor(output);
    Dataset<Row> rows = output.rows().get();
    Observation observation = new Observation(output.name() + "-" + OBSERVATIONS.incrementAndGet());
    Column[] metrics = Checksum.aggregates(rows);
    rows.observe(observation, metrics[0], Arrays.copyOfRange(metrics, 1, metrics.length))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(path.toString());
    Map<String, Object> observed;
    try {
      observed = observation.getAsJava();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the metrics of " + output.name(), e);
    }
    Lake.DirectorySize size = lake.sizeOf(path);
    return new OutputStats(output.name(), path.toString(), Checksum.rows(observed),
        size.bytes(), size.files(), Checksum.format(observed));
  }
}
