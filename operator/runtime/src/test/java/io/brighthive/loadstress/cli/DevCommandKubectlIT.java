package io.brighthive.loadstress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.dev.Kubectl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The dev command as a user runs it, driven with the real kubectl: apply a local environment and a
 * ScenarioRun, watch the run's transitions, read the printer columns and Events, and delete the
 * environment, whose lake directory must go. Real jobs run: spark-generator in child JVMs.
 */
class DevCommandKubectlIT {
  @TempDir Path dir;
  DevCommand dev;
  CompletableFuture<Integer> exit;
  ByteArrayOutputStream printed = new ByteArrayOutputStream();
  Kubectl kubectl;

  static final String ENVIRONMENT = """
      apiVersion: loadstress.brighthive.io/v1alpha1
      kind: LoadstressEnvironment
      metadata:
        name: laptop
      spec:
        mode: subset
        provider: local
        dataGeneration:
          records: 20000
          seed: 7
          datasets: [customers, products, orders]
      """;

  static final String RUN = """
      apiVersion: loadstress.brighthive.io/v1alpha1
      kind: ScenarioRun
      metadata:
        name: analytics
      spec:
        environmentRef:
          name: laptop
        scenario: S08
        parameters:
          iterations: "1"
        timeout: 10m
      """;

  @BeforeEach
  void start() {
    dev = new DevCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), Clock.systemUTC());
    Path kubeconfig = dir.resolve("kubeconfig");
    exit = CompletableFuture.supplyAsync(() -> new CommandLine(dev).execute("--work-dir", dir.resolve("work").toString(),
        "--kubeconfig", kubeconfig.toString(), "--metrics-port", "0", "--poll", "300ms", "--local-job-heap", "1g",
        "--local-job-cores", "2"));
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> printed.toString(StandardCharsets.UTF_8).contains("metrics:"));
    kubectl = new Kubectl(kubeconfig, dir);
  }

  @AfterEach
  void stop() throws Exception {
    dev.stop();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
  }

  private Path manifest(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void kubectlAppliesWatchesDescribesAndDeletes() throws Exception {
    kubectl.run("apply", "-f", manifest("env.yaml", ENVIRONMENT).toString()).succeeded();
    try (Kubectl.Running watch = kubectl.background("get", "sr", "-w")) {
      kubectl.run("apply", "-f", manifest("run.yaml", RUN).toString()).succeeded();

      Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() ->
          kubectl.run("get", "sr", "analytics", "-o", "jsonpath={.status.phase}").out().matches("Succeeded|Failed|TimedOut"));

      String both = kubectl.run("get", "lse,sr").succeeded().out();
      assertThat(both).contains("loadstressenvironment.loadstress.brighthive.io/laptop", "scenariorun.loadstress.brighthive.io/analytics");
      List<String> table = kubectl.run("get", "scenarioruns").succeeded().out().lines().toList();
      assertThat(table.get(0).split("\\s+")).containsExactly("NAME", "SCENARIO", "ENVIRONMENT", "PHASE", "VERDICT", "P95(MS)",
          "DURATION", "AGE");
      String[] row = table.get(1).split("\\s+");
      assertThat(row).startsWith("analytics", "S08", "laptop", "Succeeded", "Passed");
      assertThat(Double.parseDouble(row[5])).isPositive();
      assertThat(row[6]).matches("[0-9]+s|[0-9]+m[0-9]*s?");
      String environments = kubectl.run("get", "lse").succeeded().out();
      assertThat(environments.lines().skip(1).findFirst().orElseThrow().split("\\s+"))
          .startsWith("laptop", "subset", "local", "Ready", "True", "20000");

      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> watch.out().text().contains("Succeeded"));
      String watched = watch.out().text();
      assertThat(watched.indexOf("Submitted")).as("watch output:%n%s", watched).isPositive();
      assertThat(watched.indexOf("Submitted")).isLessThan(watched.indexOf("Succeeded"));
    }

    String described = kubectl.run("describe", "sr", "analytics").succeeded().out();
    assertThat(described).contains("Events:", "Submitted", "Succeeded", "verdict Passed");
    String lake = kubectl.run("get", "lse", "laptop", "-o", "jsonpath={.status.endpoints.dataLake}").succeeded().out();
    Path lakeDir = Path.of(java.net.URI.create(lake));
    assertThat(lakeDir.resolve("_manifest.json")).exists();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("sr/analytics", "Succeeded    verdict Passed");

    kubectl.run("delete", "lse", "laptop", "--wait=true", "--timeout=60s").succeeded();
    assertThat(kubectl.run("get", "lse", "laptop").exitCode()).isNotZero();
    assertThat(lakeDir).doesNotExist();
  }
}
