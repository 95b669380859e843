package io.brighthive.loadstress.generator.data;

import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One Parquet directory that a dataset writes: a warehouse table or a ground-truth file. */
public record Output(String name, Kind kind, Supplier<Dataset<Row>> rows) {

  public enum Kind {
    TABLE,
    GROUND_TRUTH
  }

  public static Output table(String name, Supplier<Dataset<Row>> rows) {
    return new Output(name, Kind.TABLE, rows);
  }

  public static Output groundTruth(String name, Supplier<Dataset<Row>> rows) {
    return new Output(name, Kind.GROUND_TRUTH, rows);
  }
}
