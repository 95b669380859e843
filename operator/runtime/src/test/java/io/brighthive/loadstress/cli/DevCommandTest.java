package io.brighthive.loadstress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The dev command's exit status and table with --until-done, on runs that need no Spark job. */
class DevCommandTest {
  @TempDir Path dir;

  private record Outcome(int status, String out, String err) {}

  private Outcome dev(String... extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine line = new CommandLine(new DevCommand(new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC()));
    line.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
    String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--work-dir", dir.resolve("work").toString(),
        "--metrics-port", "0", "--poll", "200ms"), java.util.Arrays.stream(extra)).toArray(String[]::new);
    int status = line.execute(args);
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aRunThatFailsMakesUntilDoneExitWithOneAfterTheTable() throws Exception {
    Path run = dir.resolve("run.yaml");
    Files.writeString(run, """
        apiVersion: loadstress.brighthive.io/v1alpha1
        kind: ScenarioRun
        metadata: {name: wrong}
        spec:
          environmentRef: {name: nowhere}
          scenario: S08
          parameters: {iterations: lots}
        """);

    Outcome outcome = dev("--apply", run.toString(), "--until-done", "--timeout", "60s");

    assertThat(outcome.status()).as(outcome.out() + outcome.err()).isEqualTo(DevCommand.RUN_FAILED);
    assertThat(outcome.out()).contains("applied ScenarioRun default/wrong", "export KUBECONFIG=")
        .contains("sr/wrong", "Failed       invalid spec, nothing was submitted: S08 parameter 'iterations' must be a whole number")
        .containsPattern("wrong +S08 +Failed +- +- +- +invalid spec");
  }

  @Test
  void untilDoneGivesUpAfterItsTimeoutWithExitThree() throws Exception {
    Path run = dir.resolve("run.yaml");
    Files.writeString(run, """
        apiVersion: loadstress.brighthive.io/v1alpha1
        kind: ScenarioRun
        metadata: {name: waiting}
        spec:
          environmentRef: {name: nowhere}
          scenario: S08
        """);

    Outcome outcome = dev("--apply", run.toString(), "--until-done", "--timeout", "3s");

    assertThat(outcome.status()).isEqualTo(DevCommand.TIMED_OUT);
    assertThat(outcome.out()).contains("Pending      waiting for LoadstressEnvironment nowhere, which does not exist")
        .contains("--timeout 3s ran out before every run finished");
  }

  @Test
  void aMissingManifestIsRejectedBeforeAnythingStarts() {
    Outcome outcome = dev("--apply", dir.resolve("nope.yaml").toString(), "--until-done");

    assertThat(outcome.status()).isNotZero();
    assertThat(outcome.err()).contains("--apply " + dir.resolve("nope.yaml") + ": no such file");
    assertThat(outcome.out()).doesNotContain("embedded API server");
  }
}
