package io.brighthive.loadstress.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.config.OperatorSettings;
import io.brighthive.loadstress.status.ConditionSupport;
import io.brighthive.loadstress.testing.Environments;
import io.brighthive.loadstress.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.Condition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provider local through the whole operator: the embedded API server, and spark-generator itself
 * run from the home the reactor built (spark-generator/target/local-run) as a child JVM.
 */
class LocalEnvironmentIT {
  static final String NS = "team-l";
  @TempDir Path workDir;
  OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = new OperatorHarness(workDir);
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    // The operator leaves jobs running when it stops (a restarted one re-attaches); a test does not.
    jobProcesses().forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void aLocalEnvironmentIsFilledBySparkAndDeletedWithItsLake() {
    harness.startOperator();
    harness.client().resource(Environments.local(NS, "demo")).create();

    LoadstressEnvironment ready = harness.awaitEnvironment(NS, "demo", Duration.ofSeconds(120),
        e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);

    var status = ready.getStatus();
    Path root = workDir.resolve(NS).resolve("demo");
    Path lake = root.resolve("lake");
    var stacks = status.getStacks();
    for (StackState stack : List.of(stacks.getVpc(), stacks.getDataLake(), stacks.getRedshift(), stacks.getEmr(), stacks.getMonitoring())) {
      assertThat(stack.getStatus()).isEqualTo("CREATE_COMPLETE");
      assertThat(stack.getStackName()).startsWith("ls-team-l-demo-");
    }
    assertThat(stacks.getDataLake().getOutputs()).containsEntry("LakePath", lake.toString());
    assertThat(stacks.getEmr().getOutputs().get("SparkGeneratorHome")).endsWith("spark-generator/target/local-run");
    for (String type : List.of("Ready", "VpcReady", "DataLakeReady", "RedshiftReady", "EmrReady", "MonitoringReady", "DataReady")) {
      assertThat(ConditionSupport.isTrue(status.getConditions(), type)).as(type).isTrue();
    }
    assertThat(status.getEndpoints().getDataLake()).isEqualTo("file:" + lake);
    assertThat(status.getCost().getDailyUsd()).isZero();
    var generation = status.getDataGeneration();
    assertThat(generation.getRecords()).isEqualTo(20_000L);
    assertThat(generation.getBytes()).isPositive();
    assertThat(generation.getState()).isEqualTo("SUCCESS");
    assertThat(lake.resolve("_manifest.json")).content().contains("\"status\" : \"COMPLETE\"", "\"totalBytes\" : " + generation.getBytes());
    assertThat(lake.resolve("warehouse/orders")).isDirectory();
    assertThat(Path.of(generation.getLogLocation())).startsWith(root.resolve("jobs")).content().contains("generate: wrote 3 tables");
    assertThat(harness.events(NS, "demo")).extracting(e -> e.getReason()).contains("Ready", "Generating", "DataReady");
    assertThat(harness.aws().services()).allSatisfy(s -> assertThat(s.callsByOperation()).as(s.getClass().getSimpleName()).isEmpty());
    System.out.printf("local data generation of %,d records: job %s, submitted %s, finished %s, generator's own time %ds%n",
        generation.getRecords(), generation.getJobRunId(), generation.getSubmittedAt(), generation.getFinishedAt(),
        generation.getDurationSeconds());
    System.out.printf("submit to Ready: %.1f s%n",
        Duration.between(Instant.parse(generation.getSubmittedAt()), Instant.parse(generation.getFinishedAt())).toMillis() / 1000.0);

    harness.client().resource(ready).delete();

    harness.awaitGone(NS, "demo", Duration.ofSeconds(30));
    assertThat(root).doesNotExist();
  }

  @Test
  void underRetainDeletionStopsTheRunningJobAndKeepsTheLake() throws Exception {
    harness.startOperator();
    LoadstressEnvironment env = Environments.local(NS, "kept");
    env.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
    harness.client().resource(env).create();
    LoadstressEnvironment generating = harness.awaitEnvironment(NS, "kept", e -> e.getStatus().getDataGeneration() != null
        && "RUNNING".equals(e.getStatus().getDataGeneration().getState()));
    Path lake = workDir.resolve(NS).resolve("kept").resolve("lake");
    Files.writeString(lake.resolve("keep-me.txt"), "data someone wanted");
    await().atMost(Duration.ofSeconds(10)).until(() -> jobProcesses().size() >= 2);
    List<ProcessHandle> job = jobProcesses();

    harness.client().resource(generating).delete();

    harness.awaitGone(NS, "kept", Duration.ofSeconds(30));
    assertThat(job).noneMatch(ProcessHandle::isAlive);
    assertThat(lake.resolve("keep-me.txt")).hasContent("data someone wanted");
    assertThat(workDir.resolve(NS).resolve("kept").resolve("jobs")).doesNotExist();
    assertThat(harness.events(NS, "kept")).anyMatch(e -> e.getReason().equals("Retained")
        && e.getMessage().contains("kept the data lake file:" + lake));
  }

  @Test
  void withoutASparkGeneratorHomeTheConditionNamesTheFixAndNothingIsCreated() throws Exception {
    Path missing = workDir.resolve("no-home");
    harness.local(new OperatorSettings.Local(workDir.resolve("envs"), Optional.of(missing), "1g", OptionalInt.of(1), 1)).startOperator();
    harness.client().resource(Environments.local(NS, "homeless")).create();

    LoadstressEnvironment failed = harness.awaitEnvironment(NS, "homeless", e -> e.getStatus().getPhase() == EnvironmentPhase.Failed);

    Condition ready = ConditionSupport.find(failed.getStatus().getConditions(), "Ready").orElseThrow();
    assertThat(ready.getReason()).isEqualTo("SparkGeneratorHomeMissing");
    assertThat(ready.getMessage()).contains("nothing was created", missing.toString(), "LOADSTRESS_SPARK_GENERATOR_HOME",
        "mvn -B -ntp package -DskipTests");
    assertThat(workDir.resolve("envs")).doesNotExist();
    harness.client().resource(failed).delete();
    harness.awaitGone(NS, "homeless", Duration.ofSeconds(30));
  }

  /** The processes of every job run under the work directory, found from the pids their run directories record. */
  List<ProcessHandle> jobProcesses() throws IOException {
    try (Stream<Path> files = Files.walk(workDir)) {
      return files.filter(p -> p.getFileName().toString().equals("state.json")).map(LocalEnvironmentIT::pid)
          .flatMap(pid -> ProcessHandle.of(pid).stream())
          .flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
          .toList();
    }
  }

  private static long pid(Path state) {
    try {
      return new ObjectMapper().readTree(state.toFile()).path("process").path("pid").asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
