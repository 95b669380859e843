package io.brighthive.loadstress.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.lake.Lake;
import io.brighthive.loadstress.generator.lake.Manifest;
import io.brighthive.loadstress.generator.lake.ManifestStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Runs the real command line against the shared session and reads lakes back. */
public final class TestLakes {

  private TestLakes() {}

  public record Run(int status, String out, String err) {}

  public static Run main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), SharedSpark::get);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code generate} with the given arguments; fails the test unless it exits with 0. */
  public static Run generate(Path lake, long records, long seed, String... extra) {
    List<String> args = new ArrayList<>(List.of("generate", "--lake", lake.toString(),
        "--records", Long.toString(records), "--seed", Long.toString(seed)));
    args.addAll(List.of(extra));
    Run run = main(args.toArray(String[]::new));
    assertThat(run.status()).as("exit status; stderr: %s", run.err()).isZero();
    return run;
  }

  public static Manifest manifest(Path lake) throws IOException {
    return new ManifestStore(Lake.at(lake.toString(), SharedSpark.get().sparkContext().hadoopConfiguration()))
        .read().orElseThrow(() -> new AssertionError("no manifest in " + lake));
  }

  public static Dataset<Row> table(Path lake, String name) {
    return SharedSpark.get().read().parquet(lake.resolve("warehouse").resolve(name).toString());
  }

  public static Dataset<Row> groundTruth(Path lake, String name) {
    return SharedSpark.get().read().parquet(lake.resolve("ground_truth").resolve(name).toString());
  }
}
