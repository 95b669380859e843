package io.brighthive.loadstress.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.api.ScenarioRun;
import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.scenario.RunPhase;
import io.brighthive.loadstress.api.scenario.ScenarioId;
import io.brighthive.loadstress.api.scenario.Verdict;
import io.brighthive.loadstress.awsfake.emrserverless.FakeEmrServerless;
import io.brighthive.loadstress.awsfake.emrserverless.FakeJobRun;
import io.brighthive.loadstress.dev.Kubectl;
import io.brighthive.loadstress.testing.Environments;
import io.brighthive.loadstress.testing.OperatorHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ScenarioRuns through the whole operator: the embedded API server, the wire-level AWS fake, and a
 * stand-in for the Spark job that writes a result in the job's schema. One environment serves all
 * tests of the class; each test uses runs of its own.
 */
class ScenarioRunIT {
  static final String NS = "runs";
  static final String ENV = "perf";
  @TempDir static Path dataDir;
  static OperatorHarness harness;
  static FakeEmrServerless emr;

  @BeforeAll
  static void environment() {
    harness = new OperatorHarness(dataDir).startOperator();
    harness.aws().cfn().transitionDelay(Duration.ofMillis(200));
    emr = harness.aws().service(FakeEmrServerless.class);
    harness.client().resource(Environments.aws(NS, ENV, Mode.SUBSET)).create();
    harness.awaitEnvironment(NS, ENV, e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);
  }

  @AfterAll
  static void close() throws Exception {
    harness.close();
  }

  @AfterEach
  void defaults() {
    emr.jobRunDuration(Duration.ofMillis(400));
    harness.generator().verdict("Passed").writeNoResult(false);
  }

  private ScenarioRun create(ScenarioRun run) {
    return harness.client().resource(run).create();
  }

  private List<FakeJobRun> jobRunsOf(ScenarioRun run) {
    String token = "sr-" + run.getMetadata().getUid().replace("-", "").substring(20);
    return emr.jobRuns(harness.environment(NS, ENV).getStatus().getEndpoints().getEmrApplicationId()).stream()
        .filter(j -> j.clientToken() != null && j.clientToken().startsWith(token)).toList();
  }

  @Test
  void aRunSucceedsWithItsResultCostAndMetricsAndKubectlShowsThem() throws Exception {
    emr.jobRunDuration(Duration.ofSeconds(3));
    ScenarioRun created = create(Runs.of(NS, "s03", ENV, ScenarioId.S03,
        spec -> spec.setSlos(Map.of("msPerTable", 40.0))));

    ScenarioRun done = harness.awaitRun(NS, "s03", r -> r.getStatus().getPhase() == RunPhase.Succeeded);

    var status = done.getStatus();
    assertThat(status.getResult().getVerdict()).isEqualTo(Verdict.Passed);
    assertThat(status.getResult().getLatencyMs().getP95()).isEqualTo(250.5);
    assertThat(status.getResult().getRecordsProcessed()).isEqualTo(1_000_000L);
    assertThat(status.getResult().getSlos()).extracting(s -> s.getName() + " " + s.getComparator() + " " + s.getTarget())
        .containsExactly("completeness >= 1.0", "accuracy >= 1.0", "msPerTable <= 40.0");
    assertThat(status.getResultLocation()).startsWith("s3://").contains("/results/runs/s03-").endsWith("/attempt-1.json");
    assertThat(status.getCostUsd()).isPositive();
    assertThat(status.getDuration()).matches("[0-9]+s");
    assertThat(status.getAttempts()).isEqualTo(1);
    assertThat(status.getJobRun().getClientToken()).isEqualTo(ScenarioRunController.token(created, 1));
    assertThat(status.getHistory()).extracting(t -> t.getPhase())
        .containsSubsequence(RunPhase.Submitted, RunPhase.Running, RunPhase.Succeeded);
    List<FakeJobRun> jobs = jobRunsOf(created);
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).entryPointArguments()).containsSequence("scenario", "--id", "S03")
        .containsSequence("--slo", "msPerTable=40.0");
    assertThat(harness.events(NS, "s03")).extracting(e -> e.getReason()).contains("Submitting", "Submitted", "Succeeded");

    String metrics = harness.scrape();
    assertThat(metrics).contains("loadstress_scenario_runs_total{outcome=\"Succeeded\",scenario=\"S03\"} 1.0");
    assertThat(metrics).contains("loadstress_scenario_verdicts_total{scenario=\"S03\",verdict=\"Passed\"} 1.0");
    assertThat(metrics).contains("loadstress_scenario_latency_p95_seconds{scenario=\"S03\"} 0.2505");
    assertThat(metrics).contains("loadstress_scenario_records_processed{scenario=\"S03\"} 1000000.0");
    assertThat(metrics).containsPattern("loadstress_scenario_duration_seconds_count\\{scenario=\"S03\"} 1");
    assertThat(metrics).containsPattern("loadstress_scenario_cost_usd_total\\{scenario=\"S03\"} 0\\.[0-9]+");
    assertThat(metrics).contains("loadstress_aws_calls_total{operation=\"StartJobRun\",outcome=\"success\",service=\"emrserverless\"}");
    assertThat(metrics).containsPattern("loadstress_stack_operation_seconds_count\\{component=\"vpc\",operation=\"create\","
        + "outcome=\"succeeded\"} 1");
    assertThat(metrics).doesNotContain("s03\"").doesNotContain("perf\"");

    var table = new Kubectl(harness.kubeconfig(), dataDir).run("get", "scenarioruns", "-n", NS, "s03").succeeded().out();
    List<String> lines = table.lines().toList();
    assertThat(lines.get(0).split("\\s+")).containsExactly("NAME", "SCENARIO", "ENVIRONMENT", "PHASE", "VERDICT", "P95(MS)",
        "DURATION", "AGE");
    assertThat(lines.get(1).split("\\s+")).startsWith("s03", "S03", "perf", "Succeeded", "Passed", "250.5", status.getDuration());
  }

  @Test
  void aMissedSloIsAFailedVerdictOfASucceededRun() {
    harness.generator().verdict("Failed");
    create(Runs.of(NS, "s14-missed", ENV, ScenarioId.S14));

    ScenarioRun done = harness.awaitRun(NS, "s14-missed", r -> r.getStatus().getPhase() != null && r.getStatus().getPhase().isFinished());

    assertThat(done.getStatus().getPhase()).isEqualTo(RunPhase.Succeeded);
    assertThat(done.getStatus().getResult().getVerdict()).isEqualTo(Verdict.Failed);
    assertThat(done.getStatus().getMessage()).contains("verdict Failed", "(missed)");
    assertThat(harness.events(NS, "s14-missed")).anyMatch(e -> "Warning".equals(e.getType()) && "Succeeded".equals(e.getReason()));
  }

  @Test
  void aFailedJobIsRetriedWithANewTokenAndThenSucceeds() {
    emr.failNextJobRun("Job failed, ExitCode: 1. Last few exceptions: java.lang.OutOfMemoryError: Java heap space");
    ScenarioRun created = create(Runs.of(NS, "retry", ENV, ScenarioId.S02, spec -> spec.setRetries(1)));

    ScenarioRun done = harness.awaitRun(NS, "retry", r -> r.getStatus().getPhase() == RunPhase.Succeeded);

    assertThat(done.getStatus().getAttempts()).isEqualTo(2);
    assertThat(done.getStatus().getJobRun().getClientToken()).endsWith("-2");
    assertThat(done.getStatus().getResultLocation()).endsWith("/attempt-2.json");
    assertThat(jobRunsOf(created)).extracting(FakeJobRun::state).containsExactlyInAnyOrder("FAILED", "SUCCESS");
    assertThat(done.getStatus().getHistory()).anyMatch(t -> t.getMessage().contains("OutOfMemoryError")
        && t.getMessage().contains("submitting attempt 2 of 2"));
  }

  @Test
  void aFailedJobWithoutRetriesFailsTheRunWithTheJobsDetails() {
    emr.failNextJobRun("Job failed, ExitCode: 1. Last few exceptions: java.lang.IllegalStateException: boom");
    create(Runs.of(NS, "no-retry", ENV, ScenarioId.S02));

    ScenarioRun done = harness.awaitRun(NS, "no-retry", r -> r.getStatus().getPhase() == RunPhase.Failed);

    assertThat(done.getStatus().getMessage()).contains("failed: Job failed, ExitCode: 1", "boom");
    assertThat(done.getStatus().getResult()).isNull();
    assertThat(harness.events(NS, "no-retry")).anyMatch(e -> "Warning".equals(e.getType()) && "Failed".equals(e.getReason()));
  }

  @Test
  void aSucceededJobWithoutAResultFails() {
    harness.generator().writeNoResult(true);
    create(Runs.of(NS, "no-result", ENV, ScenarioId.S05));

    ScenarioRun done = harness.awaitRun(NS, "no-result", r -> r.getStatus().getPhase() == RunPhase.Failed);

    assertThat(done.getStatus().getMessage()).contains("succeeded but wrote no result at s3://");
  }

  @Test
  void theTimeoutCancelsTheJob() {
    emr.jobRunDuration(Duration.ofMinutes(5));
    ScenarioRun created = create(Runs.of(NS, "slow", ENV, ScenarioId.S09, spec -> spec.setTimeout("3s")));

    ScenarioRun done = harness.awaitRun(NS, "slow", r -> r.getStatus().getPhase() == RunPhase.TimedOut);

    assertThat(done.getStatus().getMessage()).contains("spec.timeout 3s ran out; cancelled job run");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jobRunsOf(created).get(0).state().equals("CANCELLED"));
  }

  @Test
  void deletingARunningRunCancelsItsJob() throws Exception {
    emr.jobRunDuration(Duration.ofMinutes(5));
    ScenarioRun created = create(Runs.of(NS, "doomed", ENV, ScenarioId.S04));
    harness.awaitRun(NS, "doomed", r -> r.getStatus().getJobRun() != null
        && r.getStatus().getJobRun().getJobRunId() != null);

    harness.client().resource(created).delete();

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> harness.run(NS, "doomed") == null);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jobRunsOf(created).get(0).state().equals("CANCELLED"));
    assertThat(harness.events(NS, "doomed")).anyMatch(e -> e.getMessage().contains("because the ScenarioRun was deleted"));
    assertThat(harness.scrape()).contains("loadstress_scenario_runs_total{outcome=\"Cancelled\",scenario=\"S04\"} 1.0");
  }

  @Test
  void aFinishedRunIsDeletedAfterItsTtl() {
    create(Runs.of(NS, "short-lived", ENV, ScenarioId.S16, spec -> spec.setTtlSecondsAfterFinished(1L)));

    harness.awaitRun(NS, "short-lived", r -> r.getStatus().getPhase() == RunPhase.Succeeded);

    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> harness.run(NS, "short-lived") == null);
  }

  @Test
  void runsBeyondTheEnvironmentsLimitWaitForASlot() {
    emr.jobRunDuration(Duration.ofSeconds(4));
    for (String name : List.of("a", "b", "c")) {
      create(Runs.of(NS, "slot-" + name, ENV, ScenarioId.S08));
    }

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> List.of("a", "b", "c").stream()
        .map(n -> harness.run(NS, "slot-" + n)).filter(r -> r.getStatus() != null && r.getStatus().getMessage() != null
            && r.getStatus().getMessage().startsWith("waiting for a slot: 2 runs are in flight")).count() == 1);
    for (String name : List.of("a", "b", "c")) {
      harness.awaitRun(NS, "slot-" + name, r -> r.getStatus().getPhase() == RunPhase.Succeeded);
    }
  }

  @Test
  void anInvalidParameterFailsTheRunAndSubmitsNothing() {
    int before = emr.jobRunsStarted();
    create(Runs.of(NS, "bad-param", ENV, ScenarioId.S08, spec -> spec.setParameters(Map.of("iterations", "lots"))));
    create(Runs.of(NS, "bad-slo", ENV, ScenarioId.S08, spec -> spec.setSlos(Map.of("speed", 1.0))));

    ScenarioRun param = harness.awaitRun(NS, "bad-param", r -> r.getStatus().getPhase() == RunPhase.Failed);
    ScenarioRun slo = harness.awaitRun(NS, "bad-slo", r -> r.getStatus().getPhase() == RunPhase.Failed);

    assertThat(param.getStatus().getMessage())
        .isEqualTo("invalid spec, nothing was submitted: S08 parameter 'iterations' must be a whole number, got 'lots'");
    assertThat(slo.getStatus().getMessage())
        .isEqualTo("invalid spec, nothing was submitted: S08 has no SLO 'speed'; its SLOs are: p50LatencyMs, p95LatencyMs");
    assertThat(param.getStatus().getJobRun()).isNull();
    assertThat(emr.jobRunsStarted()).isEqualTo(before);
  }

  @Test
  void aRunWaitsPendingForAnEnvironmentThatDoesNotExist() {
    create(Runs.of(NS, "orphan", "nowhere", ScenarioId.S01));

    ScenarioRun pending = harness.awaitRun(NS, "orphan", r -> r.getStatus().getPhase() == RunPhase.Pending);

    assertThat(pending.getStatus().getMessage())
        .isEqualTo("waiting for LoadstressEnvironment nowhere, which does not exist in namespace runs");
    assertThat(pending.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Completed")
        && c.getStatus().equals("False") && c.getReason().equals("EnvironmentNotFound"));
  }
}
