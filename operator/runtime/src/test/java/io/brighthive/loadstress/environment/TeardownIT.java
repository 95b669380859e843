package io.brighthive.loadstress.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.awsfake.redshift.FakeRedshift;
import io.brighthive.loadstress.awsfake.s3.FakeS3;
import io.brighthive.loadstress.environment.render.StackOutputs;
import io.brighthive.loadstress.testing.Environments;
import io.brighthive.loadstress.testing.OperatorHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What deletion does to data: emptied and deleted, or kept under Retain, and paused clusters resumed first. */
class TeardownIT {
  static final String NS = "team-b";
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
  void deleteEmptiesTheBucketAndResumesAPausedClusterBeforeDeletingTheStacks() {
    LoadstressEnvironment ready = createReady(Environments.aws(NS, "scratch", Mode.SUBSET));
    String bucket = ready.getStatus().getStacks().getDataLake().getOutputs().get(StackOutputs.BUCKET_NAME);
    String cluster = ready.getStatus().getStacks().getRedshift().getOutputs().get(StackOutputs.REDSHIFT_CLUSTER_ID);
    FakeS3 s3 = harness.aws().service(FakeS3.class);
    for (int i = 0; i < 2500; i++) {
      s3.putObjectOutOfBand(bucket, "warehouse/orders/part-" + i + ".parquet", "x");
    }
    FakeRedshift redshift = harness.aws().service(FakeRedshift.class);
    redshift.forceStatus(cluster, "paused");

    harness.client().resource(ready).delete();

    harness.awaitGone(NS, "scratch", Duration.ofSeconds(90));
    assertThat(harness.aws().cfn().stackNames()).isEmpty();
    assertThat(s3.bucketExists(bucket)).isFalse();
    assertThat(redshift.clusterIds()).doesNotContain(cluster);
    assertThat(harness.aws().service(io.brighthive.loadstress.awsfake.s3.FakeS3.class).calls("DeleteObjects"))
        .as("objects are deleted a page of 1000 at a time").isEqualTo(3);
    assertThat(redshift.calls("ResumeCluster")).isEqualTo(1);
    List<String> reasons = harness.events(NS, "scratch").stream().map(e -> e.getReason()).toList();
    assertThat(reasons).contains("EmptyingBucket", "ResumingCluster");
  }

  @Test
  void retainKeepsTheBucketTakesAFinalSnapshotAndSaysSo() {
    LoadstressEnvironment env = Environments.aws(NS, "keep", Mode.SUBSET);
    env.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
    LoadstressEnvironment ready = createReady(env);
    String bucket = ready.getStatus().getStacks().getDataLake().getOutputs().get(StackOutputs.BUCKET_NAME);
    String cluster = ready.getStatus().getStacks().getRedshift().getOutputs().get(StackOutputs.REDSHIFT_CLUSTER_ID);
    FakeS3 s3 = harness.aws().service(FakeS3.class);
    s3.putObjectOutOfBand(bucket, "_manifest.json", "{}");

    harness.client().resource(ready).delete();

    harness.awaitGone(NS, "keep", Duration.ofSeconds(90));
    assertThat(harness.aws().cfn().stackNames()).isEmpty();
    assertThat(s3.bucketExists(bucket)).isTrue();
    assertThat(s3.objects(bucket)).containsKey("_manifest.json");
    assertThat(harness.aws().service(FakeRedshift.class).snapshots(cluster)).isNotEmpty();
    var retained = harness.events(NS, "keep").stream().filter(e -> "Retained".equals(e.getReason())).toList();
    assertThat(retained).hasSize(1);
    assertThat(retained.get(0).getMessage()).contains(bucket, "final snapshot", cluster);
  }

  private LoadstressEnvironment createReady(LoadstressEnvironment env) {
    harness.client().resource(env).create();
    return harness.awaitEnvironment(NS, env.getMetadata().getName(), e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);
  }

}
