package io.brighthive.loadstress.environment.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.api.status.ConditionTypes;
import io.brighthive.loadstress.environment.EnvironmentController;
import io.brighthive.loadstress.environment.Intervals;
import io.brighthive.loadstress.environment.Names;
import io.brighthive.loadstress.jobs.JobRequest;
import io.brighthive.loadstress.jobs.JobState;
import io.brighthive.loadstress.jobs.local.LocalJobs;
import io.brighthive.loadstress.jobs.local.SparkGeneratorHomeLocator;
import io.brighthive.loadstress.jobs.local.TestHomes;
import io.brighthive.loadstress.metrics.LoadstressMetrics;
import io.brighthive.loadstress.status.ConditionSupport;
import io.brighthive.loadstress.testing.Environments;
import io.fabric8.kubernetes.api.model.Condition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment state machine on provider local, driven pass by pass, with jobs that play
 * spark-generator ({@code TestJob generate} writes the manifest); the real generator runs in
 * LocalEnvironmentIT.
 */
class LocalEnvironmentTest {
  static final String NS = "team-l";
  @TempDir Path workDir;
  @TempDir Path homeDir;
  final List<String> events = new ArrayList<>();
  LocalJobs jobs;
  EnvironmentController controller;

  @BeforeEach
  void setUp() throws Exception {
    TestHomes.create(homeDir);
    jobs = TestHomes.jobs(workDir, homeDir, 2, Duration.ofSeconds(5));
    controller = controller(jobs);
  }

  @AfterEach
  void killLeftovers() {
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  EnvironmentController controller(LocalJobs local) {
    return new EnvironmentController(Map.of(Provider.LOCAL, new LocalInfrastructure(local, Clock.systemUTC())),
        (resource, warning, reason, message) -> events.add(reason + ": " + message), Clock.systemUTC(), Intervals.DEFAULT,
        new LoadstressMetrics(new SimpleMeterRegistry()));
  }

  static LoadstressEnvironment environment(String name) {
    LoadstressEnvironment env = Environments.local(NS, name);
    env.getMetadata().setUid(UUID.randomUUID().toString());
    env.getMetadata().setGeneration(1L);
    return env;
  }

  LoadstressEnvironment reconcileUntil(LoadstressEnvironment env, Predicate<LoadstressEnvironment> done) {
    try {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
        controller.reconcile(env);
        return done.test(env);
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("timed out; the status: " + io.fabric8.kubernetes.client.utils.Serialization.asYaml(env.getStatus()), e);
    }
    return env;
  }

  static boolean dataReady(LoadstressEnvironment env) {
    return ConditionSupport.isTrue(env.getStatus().getConditions(), ConditionTypes.DATA_READY);
  }

  @Test
  void oneReconcileCreatesTheDirectoriesAndReportsFiveCompleteStacksAtNoCost() {
    LoadstressEnvironment env = environment("env");

    controller.reconcile(env);

    var status = env.getStatus();
    Path root = workDir.resolve(NS).resolve("env");
    assertThat(root.resolve("lake")).isDirectory();
    assertThat(root.resolve("jobs")).isDirectory();
    Names names = Names.of(NS, "env");
    var stacks = status.getStacks();
    for (StackState stack : List.of(stacks.getVpc(), stacks.getDataLake(), stacks.getRedshift(), stacks.getEmr(), stacks.getMonitoring())) {
      assertThat(stack.getStatus()).isEqualTo("CREATE_COMPLETE");
      assertThat(stack.getStackName()).startsWith(names.stackName("")).isNotEqualTo(names.stackName(""));
      assertThat(stack.getOutputs()).isNotEmpty();
    }
    assertThat(stacks.getDataLake().getOutputs()).containsEntry("LakeUri", "file:" + root.resolve("lake"));
    assertThat(stacks.getRedshift().getOutputs()).containsEntry("Engine", "DuckDB (embedded, over the lake's Parquet files)");
    assertThat(stacks.getEmr().getOutputs().get("JobRunner")).contains("local[1]", "heap 64m", "at most 2 at once");
    assertThat(stacks.getMonitoring().getOutputs()).containsEntry("LogDirectory", root.resolve("jobs").toString());
    for (String type : List.of("Ready", "VpcReady", "DataLakeReady", "RedshiftReady", "EmrReady", "MonitoringReady")) {
      assertThat(ConditionSupport.isTrue(status.getConditions(), type)).as(type).isTrue();
    }
    assertThat(status.getEndpoints().getDataLake()).isEqualTo("file:" + root.resolve("lake"));
    assertThat(status.getCost().getDailyUsd()).isZero();
    assertThat(status.getPhase()).isEqualTo(EnvironmentPhase.Generating);

    String created = stacks.getVpc().getLastTransitionTime();
    int eventsAfterCreation = events.size();
    controller.reconcile(env);
    assertThat(env.getStatus().getStacks().getVpc().getLastTransitionTime()).isEqualTo(created);
    assertThat(events.subList(eventsAfterCreation, events.size())).noneMatch(e -> e.contains("CREATE_COMPLETE"));
  }

  @Test
  void dataIsGeneratedByALocalJobAndReadFromItsManifest() {
    LoadstressEnvironment env = reconcileUntil(environment("data"), LocalEnvironmentTest::dataReady);

    var generation = env.getStatus().getDataGeneration();
    assertThat(env.getStatus().getPhase()).isEqualTo(EnvironmentPhase.Ready);
    assertThat(generation.getRecords()).isEqualTo(20_000L);
    assertThat(generation.getBytes()).isEqualTo(440_000L);
    assertThat(generation.getState()).isEqualTo("SUCCESS");
    assertThat(generation.getJobRunId()).startsWith("lj-");
    assertThat(Path.of(generation.getLogLocation())).startsWith(workDir.resolve(NS).resolve("data").resolve("jobs"))
        .content().contains("generate: wrote 20000 records");
    assertThat(events).anyMatch(e -> e.startsWith("DataReady: 20,000 records"));
  }

  @Test
  void deletionRemovesTheEnvironmentsDirectory() {
    LoadstressEnvironment env = reconcileUntil(environment("gone"), LocalEnvironmentTest::dataReady);

    assertThat(controller.cleanup(env)).isTrue();

    assertThat(workDir.resolve(NS).resolve("gone")).doesNotExist();
    assertThat(workDir.resolve(NS)).doesNotExist();
    assertThat(env.getStatus().getStacks().getDataLake().getStatus()).isEqualTo("DELETE_COMPLETE");
    assertThat(env.getStatus().getMessage()).isEqualTo("all stacks are deleted");
  }

  @Test
  void retainKeepsTheLakeAndSaysSo() {
    LoadstressEnvironment env = environment("kept");
    env.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
    reconcileUntil(env, LocalEnvironmentTest::dataReady);
    Path lake = workDir.resolve(NS).resolve("kept").resolve("lake");

    assertThat(controller.cleanup(env)).isTrue();

    assertThat(lake.resolve("_manifest.json")).exists();
    assertThat(workDir.resolve(NS).resolve("kept").resolve("jobs")).doesNotExist();
    assertThat(env.getStatus().getMessage()).contains("kept the data lake file:" + lake + " and its data (deletionPolicy Retain)")
        .doesNotContain("Redshift");
    assertThat(events).anyMatch(e -> e.startsWith("Retained: kept the data lake file:" + lake));
    assertThat(env.getStatus().getStacks().getDataLake().getStatusReason()).contains("kept " + lake);
  }

  @Test
  void deletionStopsTheEnvironmentsRunningJobsFirst() throws Exception {
    LoadstressEnvironment env = environment("busy");
    controller.reconcile(env);
    var runner = jobs.runner(NS, "busy");
    String id = runner.submit(new JobRequest("tok-busy", "busy", List.of("await", workDir.resolve("never").toString())));
    await().atMost(Duration.ofSeconds(30)).until(() -> runner.describe(id).orElseThrow().state() == JobState.RUNNING);
    List<ProcessHandle> tree = ProcessHandle.current().descendants().toList();
    assertThat(tree).isNotEmpty();

    boolean gone = controller.cleanup(env);

    assertThat(gone).as("the job's JVM takes longer to stop than the first pass").isFalse();
    Condition ready = ConditionSupport.find(env.getStatus().getConditions(), "Ready").orElseThrow();
    assertThat(ready.getMessage()).contains("stopping job run(s) " + id);
    assertThat(workDir.resolve(NS).resolve("busy").resolve("lake")).isDirectory();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> controller.cleanup(env));
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(workDir.resolve(NS).resolve("busy")).doesNotExist();
  }

  @Test
  void withoutASparkGeneratorHomeNothingIsCreatedAndTheConditionSaysWhatToDo() throws Exception {
    Path missing = homeDir.resolve("nowhere");
    LocalJobs homeless = new LocalJobs(workDir, jobs.limits(), new SparkGeneratorHomeLocator(Optional.of(missing), List.of()), Clock.systemUTC());
    EnvironmentController withoutHome = controller(homeless);
    LoadstressEnvironment env = environment("homeless");

    withoutHome.reconcile(env);

    Condition ready = ConditionSupport.find(env.getStatus().getConditions(), "Ready").orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("SparkGeneratorHomeMissing");
    assertThat(ready.getMessage()).contains("nothing was created", "--spark-generator-home", "LOADSTRESS_SPARK_GENERATOR_HOME",
        missing.toString(), "mvn -B -ntp package -DskipTests");
    assertThat(env.getStatus().getPhase()).isEqualTo(EnvironmentPhase.Failed);
    try (Stream<Path> files = Files.list(workDir)) {
      assertThat(files).isEmpty();
    }
    assertThat(withoutHome.cleanup(env)).isTrue();
  }

  @Test
  void aLakeDeletedBehindTheOperatorsBackIsCreatedAgain() throws Exception {
    LoadstressEnvironment env = environment("drift");
    controller.reconcile(env);
    Path lake = workDir.resolve(NS).resolve("drift").resolve("lake");
    Files.delete(lake);

    controller.reconcile(env);

    assertThat(lake).isDirectory();
    assertThat(events).anyMatch(e -> e.startsWith("StackMissing: ") && e.contains("created again"));
  }
}
