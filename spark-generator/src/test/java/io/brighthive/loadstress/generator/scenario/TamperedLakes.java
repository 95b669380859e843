package io.brighthive.loadstress.generator.scenario;

import io.brighthive.loadstress.generator.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Copies of the shared scenario lake with one table or ground-truth file rewritten, so a test can
 * remove a planted fact (or plant a defect) and prove that the scenario's verdict turns.
 */
public final class TamperedLakes {

  private TamperedLakes() {}

  /**
   * A copy of the shared lake under {@code dir} in which {@code folder/name} ({@code warehouse} or
   * {@code ground_truth}) is replaced by {@code change} applied to the original.
   */
  public static Path copyWith(Path dir, String folder, String name, UnaryOperator<Dataset<Row>> change) {
    Path source = ScenarioLakes.shared();
    Path copy = dir.resolve("lake");
    Path changed = Path.of(folder, name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = source.relativize(file);
        if (relative.startsWith(changed) || relative.startsWith("_scenario_work")) {
          continue;
        }
        Path target = copy.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Dataset<Row> original = SharedSpark.get().read().parquet(source.resolve(changed).toString());
    change.apply(original).coalesce(1).write().mode(SaveMode.Overwrite).parquet(copy.resolve(changed).toString());
    return copy;
  }
}
