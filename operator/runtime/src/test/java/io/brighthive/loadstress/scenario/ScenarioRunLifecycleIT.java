package io.brighthive.loadstress.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.api.ScenarioRun;
import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.scenario.RunPhase;
import io.brighthive.loadstress.api.scenario.ScenarioId;
import io.brighthive.loadstress.awsfake.emrserverless.FakeEmrServerless;
import io.brighthive.loadstress.testing.Environments;
import io.brighthive.loadstress.testing.OperatorHarness;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose environment goes away, and an operator that restarts between StartJobRun and the status write. */
class ScenarioRunLifecycleIT {
  static final String NS = "lifecycle";
  @TempDir Path dataDir;
  OperatorHarness harness;
  FakeEmrServerless emr;

  @BeforeEach
  void start() {
    harness = new OperatorHarness(dataDir).startOperator();
    harness.aws().cfn().transitionDelay(Duration.ofMillis(200));
    emr = harness.aws().service(FakeEmrServerless.class);
    harness.client().resource(Environments.aws(NS, "env", Mode.SUBSET)).create();
    harness.awaitEnvironment(NS, "env", e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  @Test
  void aRunWhoseEnvironmentIsDeletedFailsWithTheReason() {
    emr.jobRunDuration(Duration.ofMinutes(5));
    harness.client().resource(Runs.of(NS, "victim", "env", ScenarioId.S08)).create();
    harness.awaitRun(NS, "victim", r -> r.getStatus().getJobRun() != null
        && r.getStatus().getJobRun().getJobRunId() != null);

    harness.client().resource(harness.environment(NS, "env")).delete();

    ScenarioRun failed = harness.awaitRun(NS, "victim", r -> r.getStatus().getPhase() == RunPhase.Failed);
    assertThat(failed.getStatus().getMessage()).startsWith("LoadstressEnvironment env is being deleted before the run finished")
        .contains("cancelled job run " + failed.getStatus().getJobRun().getJobRunId());
    assertThat(failed.getStatus().getConditions()).anyMatch(c -> c.getReason().equals("EnvironmentDeleted"));
    assertThat(harness.events(NS, "victim")).anyMatch(e -> "EnvironmentDeleted".equals(e.getReason()));
  }

  @Test
  void aRestartBetweenStartJobRunAndTheStatusWriteStartsNoSecondJobRun() throws Exception {
    emr.jobRunDuration(Duration.ofSeconds(3));
    harness.client().resource(Runs.of(NS, "once", "env", ScenarioId.S08)).create();
    ScenarioRun submitted = harness.awaitRun(NS, "once", r -> r.getStatus().getJobRun() != null
        && r.getStatus().getJobRun().getJobRunId() != null);
    String jobRunId = submitted.getStatus().getJobRun().getJobRunId();
    int started = emr.jobRunsStarted();
    harness.stopOperator();

    // What the status looks like when the operator died after StartJobRun but before writing its answer.
    ScenarioRun lost = harness.run(NS, "once");
    lost.getStatus().getJobRun().setJobRunId(null);
    lost.getStatus().getJobRun().setState("PENDING_SUBMISSION");
    harness.client().resource(lost).updateStatus();
    assertThat(harness.run(NS, "once").getStatus().getJobRun().getJobRunId()).isNull();
    int startCalls = emr.calls("StartJobRun");
    harness.startOperator();

    ScenarioRun done = harness.awaitRun(NS, "once", r -> r.getStatus().getPhase() == RunPhase.Succeeded);
    assertThat(done.getStatus().getJobRun().getJobRunId()).isEqualTo(jobRunId);
    assertThat(emr.calls("StartJobRun")).isEqualTo(startCalls + 1);
    assertThat(emr.jobRunsStarted()).isEqualTo(started);
  }
}
