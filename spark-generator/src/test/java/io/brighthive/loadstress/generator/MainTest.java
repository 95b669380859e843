package io.brighthive.loadstress.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input must fail with status 2 and a clear message, before Spark starts or anything is written. */
class MainTest {

  @TempDir
  Path temp;

  private record Outcome(int status, String out, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), MainTest::noSparkAllowed);
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static SparkSession noSparkAllowed() {
    throw new AssertionError("bad input must be rejected before a Spark session is requested");
  }

  @Test
  void negativeRecordsAreRejectedWithoutWriting() {
    Path lake = temp.resolve("lake");
    Outcome outcome = run("generate", "--lake", lake.toString(), "--records", "-1", "--seed", "1");

    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.err()).contains("error: --records must be between 1 and");
    assertThat(lake).doesNotExist();
  }

  @Test
  void aMissingLakeIsRejected() {
    Outcome outcome = run("generate", "--records", "100", "--seed", "1");

    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.err()).contains("error: missing required option --lake").contains("usage:");
  }

  @Test
  void anUnknownDatasetIsRejectedWithoutWriting() {
    Path lake = temp.resolve("lake");
    Outcome outcome = run("generate", "--lake", lake.toString(), "--records", "100", "--seed", "1", "--datasets", "orders,nope");

    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.err()).contains("error: unknown dataset 'nope'; known datasets: customers,");
    assertThat(lake).doesNotExist();
  }

  @Test
  void scenarioRejectsBadInputBeforeSparkStarts(@TempDir Path dir) {
    Path result = dir.resolve("result.json");
    Outcome unknown = run("scenario", "--id", "S99", "--lake", dir.toString(), "--result", result.toString());
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown scenario 'S99'; the scenarios are S01, S02");

    Outcome noLake = run("scenario", "--id", "S08", "--lake", dir.resolve("empty").toString(), "--result", result.toString());
    assertThat(noLake.status()).isEqualTo(2);
    assertThat(noLake.err()).contains("has no complete manifest (_manifest.json): run generate first");

    Outcome badParam = run("scenario", "--id", "S08", "--lake", dir.toString(), "--result", result.toString(),
        "--param", "iterations=many");
    assertThat(badParam.status()).isEqualTo(2);
    assertThat(badParam.err()).contains("S08 parameter 'iterations' must be a whole number, got 'many'");

    Outcome unknownSlo = run("scenario", "--id", "S08", "--lake", dir.toString(), "--result", result.toString(),
        "--slo", "speed=3");
    assertThat(unknownSlo.status()).isEqualTo(2);
    assertThat(unknownSlo.err()).contains("S08 has no SLO 'speed'; its SLOs are: p50LatencyMs, p95LatencyMs");
    assertThat(result).doesNotExist();
  }

  @Test
  void unknownOrMissingSubcommandsAreUsageErrors() {
    assertThat(run("explode").status()).isEqualTo(2);
    assertThat(run("explode").err()).contains("unknown subcommand 'explode'");
    assertThat(run().status()).isEqualTo(2);
    assertThat(run("--help").status()).isZero();
  }
}
