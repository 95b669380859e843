package io.brighthive.loadstress.generator.scenario;

import io.brighthive.loadstress.generator.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** Copies of the shared scenario lake with one table or ground-truth file rewritten, for tamper tests. */
final class ScenariosBLakes {

  private ScenariosBLakes() {}

  /** A copy of the shared lake under {@code dir}. */
  static Path copy(Path dir) {
    Path source = ScenarioLakes.shared();
    Path target = dir.resolve("lake");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** Rewrites {@code <lake>/<area>/<name>} (area: warehouse or ground_truth) through {@code change}. */
  static void rewrite(Path lake, String area, String name, UnaryOperator<Dataset<Row>> change) {
    Path folder = lake.resolve(area).resolve(name);
    Path staged = lake.resolve(area).resolve("." + name + ".rewrite");
    Dataset<Row> original = SharedSpark.get().read().parquet(folder.toString());
    change.apply(original).coalesce(1).write().mode(SaveMode.Overwrite).parquet(staged.toString());
    delete(folder);
    try {
      Files.move(staged, folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
