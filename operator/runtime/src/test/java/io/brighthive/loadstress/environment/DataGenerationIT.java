package io.brighthive.loadstress.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.awsfake.emrserverless.FakeEmrServerless;
import io.brighthive.loadstress.awsfake.s3.FakeS3;
import io.brighthive.loadstress.environment.render.StackOutputs;
import io.brighthive.loadstress.status.ConditionSupport;
import io.brighthive.loadstress.testing.Environments;
import io.brighthive.loadstress.testing.OperatorHarness;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data generation on EMR Serverless once the stacks are ready. */
class DataGenerationIT {
  static final String NS = "team-c";
  @TempDir Path dataDir;
  OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = new OperatorHarness(dataDir).startOperator();
    harness.aws().cfn().transitionDelay(Duration.ofMillis(300));
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  @Test
  void generatesDataOnceTheStacksAreReadyAndRecordsTheManifest() {
    harness.client().resource(Environments.aws(NS, "data", Mode.SUBSET)).create();

    LoadstressEnvironment ready = harness.awaitEnvironment(NS, "data", e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);

    var generation = ready.getStatus().getDataGeneration();
    assertThat(ConditionSupport.isTrue(ready.getStatus().getConditions(), "DataReady")).isTrue();
    assertThat(generation.getRecords()).isEqualTo(1_000_000L);
    assertThat(generation.getBytes()).isEqualTo(22_000_000L);
    assertThat(generation.getDurationSeconds()).isEqualTo(13L);
    assertThat(generation.getClientToken()).startsWith("gen-").endsWith("-1");
    assertThat(generation.getState()).isEqualTo("SUCCESS");
    FakeEmrServerless emr = harness.aws().service(FakeEmrServerless.class);
    assertThat(emr.jobRunsStarted()).isEqualTo(1);
    assertThat(emr.calls("StartApplication")).isEqualTo(1);
    String bucket = ready.getStatus().getStacks().getDataLake().getOutputs().get(StackOutputs.BUCKET_NAME);
    assertThat(harness.aws().service(FakeS3.class).objects(bucket).keySet())
        .anyMatch(k -> k.matches("artifacts/spark-generator-[0-9a-f]{16}\\.jar"));
    assertThat(harness.events(NS, "data")).extracting(e -> e.getReason()).contains("Generating", "DataReady");
  }

  @Test
  void aFailedRunIsReportedWithItsDetailsAndRetried() {
    harness.generator().failNext(1);
    harness.client().resource(Environments.aws(NS, "retry", Mode.SUBSET)).create();

    LoadstressEnvironment retried = harness.awaitEnvironment(NS, "retry", e -> e.getStatus().getDataGeneration() != null
        && Integer.valueOf(2).equals(e.getStatus().getDataGeneration().getAttempt()));
    var dataReady = ConditionSupport.find(retried.getStatus().getConditions(), "DataReady").orElseThrow();
    assertThat(dataReady.getStatus()).isEqualTo("False");
    assertThat(dataReady.getMessage()).contains("FAILED", "OutOfMemoryError", "attempt 2 of 3");
    assertThat(retried.getStatus().getDataGeneration().getClientToken()).endsWith("-2");
    assertThat(harness.events(NS, "retry")).extracting(e -> e.getReason()).contains("DataGenerationFailed");
  }

}
