package io.brighthive.loadstress.generator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighthive.loadstress.generator.SharedSpark;
import io.brighthive.loadstress.generator.TestLakes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one generated lake that every scenario test of the JVM reads (generated on first use), and a
 * way to run a scenario through the real command line and read its result file back.
 */
public final class ScenarioLakes {

  /** Small enough for seconds per scenario, large enough that every planted fact is there. */
  public static final long RECORDS = 50_000;
  public static final long SEED = 42;

  private static Path lake;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScenarioLakes() {}

  public static synchronized Path shared() {
    if (lake == null) {
      try {
        Path dir = Files.createTempDirectory("scenario-lake");
        dir.toFile().deleteOnExit();
        TestLakes.generate(dir.resolve("lake"), RECORDS, SEED);
        lake = dir.resolve("lake");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lake;
  }

  /** What one run wrote: the exit status, the parsed result (null when none was written) and the output. */
  public record Outcome(int status, JsonNode result, String out, String err) {

    public String verdict() {
      return result.path("verdict").asText();
    }

    /** The SLO entry by name; fails the test when the result has none. */
    public JsonNode slo(String name) {
      for (JsonNode slo : result.path("slos")) {
        if (name.equals(slo.path("name").asText())) {
          return slo;
        }
      }
      throw new AssertionError("no SLO " + name + " in " + result);
    }

    public double actual(String slo) {
      return slo(slo).path("actual").asDouble();
    }

    public JsonNode details() {
      return result.path("details");
    }
  }

  /** Runs {@code scenario --id <id>} on the given lake with parameters and SLO overrides; asserts it wrote a result. */
  public static Outcome run(Path lakeDir, String id, Map<String, String> parameters, Map<String, Double> slos) {
    try {
      Path result = Files.createTempDirectory("scenario-result").resolve(id + ".json");
      List<String> args = new ArrayList<>(List.of("scenario", "--id", id, "--lake", lakeDir.toString(), "--result", result.toString()));
      parameters.forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
      slos.forEach((k, v) -> args.addAll(List.of("--slo", k + "=" + v)));
      TestLakes.Run run = TestLakes.main(args.toArray(String[]::new));
      assertThat(run.status()).as("exit status of %s; stderr: %s", id, run.err()).isZero();
      assertThat(result).as("result file of %s", id).exists();
      JsonNode json = JSON.readTree(result.toFile());
      ResultSchema.check(json);
      return new Outcome(run.status(), json, run.out(), run.err());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A private copy of the shared lake under {@code dir} (tables, ground truth, manifest; no checksum
   * files, no scenario scratch), for tests that tamper with a planted fact and expect the verdict to
   * turn. Returns the copy's root.
   */
  public static Path copy(Path dir) {
    Path source = shared();
    Path root = dir.resolve("lake");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = source.relativize(file);
        if (relative.startsWith("_scenario_work") || file.getFileName().toString().endsWith(".crc")) {
          continue;
        }
        Path to = root.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  /** Replaces {@code <lake>/<area>/<name>} (area {@code warehouse} or {@code ground_truth}) by {@code change} applied to it. */
  public static void rewrite(Path lake, String area, String name, UnaryOperator<Dataset<Row>> change) {
    Path folder = lake.resolve(area).resolve(name);
    Path staged = lake.resolve(area).resolve("." + name + ".rewrite");
    Dataset<Row> original = SharedSpark.get().read().parquet(folder.toString());
    change.apply(original).coalesce(1).write().mode(SaveMode.Overwrite).parquet(staged.toString());
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      Files.move(staged, folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the shared lake under {@code dir} with {@code <area>/<name>} rewritten by {@code change}. */
  public static Path copyWith(Path dir, String area, String name, UnaryOperator<Dataset<Row>> change) {
    Path lake = copy(dir);
    rewrite(lake, area, name, change);
    return lake;
  }

  public static Outcome run(String id) {
    return run(shared(), id, Map.of(), Map.of());
  }

  public static Outcome run(String id, Map<String, String> parameters, Map<String, Double> slos) {
    return run(shared(), id, parameters, slos);
  }
}
