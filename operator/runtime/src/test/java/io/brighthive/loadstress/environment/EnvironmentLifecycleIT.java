package io.brighthive.loadstress.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.RedshiftNodeType;
import io.brighthive.loadstress.api.environment.RedshiftSpec;
import io.brighthive.loadstress.environment.render.Component;
import io.brighthive.loadstress.status.ConditionSupport;
import io.brighthive.loadstress.testing.Environments;
import io.brighthive.loadstress.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.Condition;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole operator against the embedded API server and the CloudFormation fake. */
class EnvironmentLifecycleIT {
  static final String NS = "team-a";
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
  void createUpdateAndDeleteAnEnvironment() {
    harness.client().resource(Environments.aws(NS, "env", Mode.SUBSET)).create();

    LoadstressEnvironment ready = harness.awaitEnvironment(NS, "env", e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);
    var status = ready.getStatus();
    assertThat(status.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    for (String type : new String[] {"Ready", "VpcReady", "DataLakeReady", "RedshiftReady", "EmrReady", "MonitoringReady"}) {
      assertThat(ConditionSupport.isTrue(status.getConditions(), type)).as(type).isTrue();
    }
    assertThat(status.getStacks().getVpc().getOutputs()).containsKey("VpcId");
    assertThat(status.getEndpoints().getDataLake()).startsWith("s3://");
    assertThat(status.getEndpoints().getEmrApplicationId()).isNotBlank();
    assertThat(status.getEndpoints().getRedshiftAddress()).isNotBlank();
    assertThat(status.getCost().getDailyUsd()).isPositive();
    assertThat(harness.aws().cfn().calls("CreateStack")).isEqualTo(5);
    assertThat(harness.events(NS, "env")).extracting(e -> e.getReason()).contains("Creating", "Ready");

    String vpcUpdated = status.getStacks().getVpc().getLastUpdatedTime();
    String lakeUpdated = status.getStacks().getDataLake().getLastUpdatedTime();
    harness.client().resources(LoadstressEnvironment.class).inNamespace(NS).withName("env")
        .edit(e -> { e.getSpec().setMode(Mode.FULL); return e; });

    LoadstressEnvironment full = harness.awaitEnvironment(NS, "env", e -> e.getStatus().getObservedGeneration() == 2
        && e.getStatus().getPhase() == EnvironmentPhase.Ready);
    assertThat(full.getStatus().getStacks().getRedshift().getStatus()).isEqualTo("UPDATE_COMPLETE");
    assertThat(full.getStatus().getStacks().getEmr().getStatus()).isEqualTo("UPDATE_COMPLETE");
    assertThat(full.getStatus().getStacks().getVpc().getStatus()).isEqualTo("CREATE_COMPLETE");
    assertThat(full.getStatus().getStacks().getVpc().getLastUpdatedTime()).isEqualTo(vpcUpdated);
    assertThat(full.getStatus().getStacks().getDataLake().getLastUpdatedTime()).isEqualTo(lakeUpdated);

    harness.client().resource(full).delete();
    harness.awaitGone(NS, "env", Duration.ofSeconds(60));
    assertThat(harness.aws().cfn().stackNames()).isEmpty();
    assertThat(harness.aws().cfn().calls("DeleteStack")).isGreaterThanOrEqualTo(5);
  }

  @Test
  void anUnchangedSpecMakesNoWriteCallsAndAManuallyDeletedStackIsRecreated() throws Exception {
    harness.client().resource(Environments.aws(NS, "steady", Mode.SUBSET)).create();
    LoadstressEnvironment ready = harness.awaitEnvironment(NS, "steady", e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);
    long writes = harness.aws().cfn().writeCalls();
    Thread.sleep(5_000);
    assertThat(harness.aws().cfn().writeCalls()).isEqualTo(writes);

    String monitoring = ready.getStatus().getStacks().getMonitoring().getStackName();
    harness.aws().cfn().deleteOutOfBand(monitoring);
    await().atMost(Duration.ofSeconds(60)).until(() -> harness.aws().cfn().stackStatus(monitoring).orElse("").equals("CREATE_COMPLETE"));
    harness.awaitEnvironment(NS, "steady", e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);
    assertThat(harness.events(NS, "steady")).extracting(e -> e.getReason()).contains("StackMissing");
  }

  @Test
  void aRolledBackStackNamesTheFailingResourceAndIsRecreatedWhenTheSpecChanges() {
    harness.aws().cfn().failCreate(".*-redshift$", "Cluster", "Insufficient capacity for ra3.xlplus in us-west-2a");
    harness.client().resource(Environments.aws(NS, "broken", Mode.SUBSET)).create();

    LoadstressEnvironment failed = harness.awaitEnvironment(NS, "broken", e -> e.getStatus().getPhase() == EnvironmentPhase.Failed);
    Condition redshift = ConditionSupport.find(failed.getStatus().getConditions(), "RedshiftReady").orElseThrow();
    assertThat(redshift.getStatus()).isEqualTo("False");
    assertThat(redshift.getReason()).isEqualTo("CreateFailed");
    assertThat(redshift.getMessage()).contains("ROLLBACK_COMPLETE", "Cluster", "Insufficient capacity");
    assertThat(failed.getStatus().getStacks().getRedshift().getFailedResource()).isEqualTo("Cluster");

    harness.aws().cfn().clearStackFailures();
    harness.client().resources(LoadstressEnvironment.class).inNamespace(NS).withName("broken").edit(e -> {
      var redshiftSpec = new RedshiftSpec();
      redshiftSpec.setNodeType(RedshiftNodeType.RA3_XLPLUS);
      redshiftSpec.setNodes(2);
      e.getSpec().setRedshift(redshiftSpec);
      return e;
    });
    LoadstressEnvironment recovered = harness.awaitEnvironment(NS, "broken", e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);
    assertThat(recovered.getStatus().getStacks().getRedshift().getStatus()).isEqualTo("CREATE_COMPLETE");
  }

  @Test
  void accessDeniedIsTerminalAndNotRetried() throws Exception {
    harness.aws().cfn().denyAccess("CreateStack");
    harness.client().resource(Environments.aws(NS, "denied", Mode.SUBSET)).create();

    LoadstressEnvironment failed = harness.awaitEnvironment(NS, "denied", e -> ConditionSupport.find(e.getStatus().getConditions(), "Ready")
        .map(c -> "AwsAccessDenied".equals(c.getReason())).orElse(false));
    assertThat(failed.getStatus().getMessage()).contains("AccessDenied");
    long attempts = harness.aws().cfn().calls("CreateStack");
    Thread.sleep(4_000);
    assertThat(harness.aws().cfn().calls("CreateStack")).as("no retry storm").isEqualTo(attempts);
  }

  @Test
  void throttlingAndServerErrorsAreRetried() {
    harness.aws().cfn().throttle("DescribeStacks", 6);
    harness.aws().cfn().failWithServerError("CreateStack", 2);
    harness.client().resource(Environments.aws(NS, "flaky", Mode.SUBSET)).create();
    harness.awaitEnvironment(NS, "flaky", e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);
    assertThat(harness.aws().cfn().stackNames()).hasSize(5);
  }

  @Test
  void aFailedDeletionIsReportedAndRetriedAndTheFinalizerWaits() {
    harness.client().resource(Environments.aws(NS, "sticky", Mode.SUBSET)).create();
    harness.awaitEnvironment(NS, "sticky", e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);
    harness.aws().cfn().failDelete(".*-vpc$", "NatGateway1", "Network interface is in use");
    harness.client().resources(LoadstressEnvironment.class).inNamespace(NS).withName("sticky").delete();

    harness.awaitEnvironment(NS, "sticky", e -> e.getStatus().getStacks().getVpc() != null
        && "NatGateway1".equals(e.getStatus().getStacks().getVpc().getFailedResource()));
    assertThat(harness.environment(NS, "sticky")).as("the finalizer stays while a stack is left").isNotNull();
    assertThat(harness.events(NS, "sticky")).extracting(e -> e.getReason()).contains("DeleteFailed");

    harness.aws().cfn().clearFailDelete(".*-vpc$");
    harness.awaitGone(NS, "sticky", Duration.ofSeconds(60));
    assertThat(harness.aws().cfn().stackNames()).isEmpty();
  }

  @Test
  void aRestartedOperatorPicksUpWhereTheOldOneStopped() throws Exception {
    harness.client().resource(Environments.aws(NS, "restart", Mode.SUBSET)).create();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.aws().cfn().calls("CreateStack") >= 1);
    harness.stopOperator();
    harness.startOperator();
    harness.awaitEnvironment(NS, "restart", e -> e.getStatus().getPhase() == EnvironmentPhase.Ready);
    assertThat(harness.aws().cfn().stackNames()).hasSize(Component.values().length);

    harness.stopOperator();
    harness.client().resources(LoadstressEnvironment.class).inNamespace(NS).withName("restart").delete();
    harness.startOperator();
    harness.awaitGone(NS, "restart", Duration.ofSeconds(60));
    assertThat(harness.aws().cfn().stackNames()).isEmpty();
  }

}
