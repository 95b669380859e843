package io.brighthive.loadstress.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.aws.AwsClients;
import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.FakeClock;
import io.brighthive.loadstress.environment.aws.CloudFormationInfrastructure;
import io.brighthive.loadstress.environment.aws.PreDeleteHooks;
import io.brighthive.loadstress.jobs.SparkGeneratorArtifact;
import io.brighthive.loadstress.kube.EventRecorder;
import io.brighthive.loadstress.testing.Environments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The environment state machine driven step by step, with a simulated clock shared with the fake. */
class EnvironmentControllerTest {
  FakeClock clock;
  FakeAws aws;
  AwsClients clients;
  EnvironmentController controller;
  io.brighthive.loadstress.metrics.LoadstressMetrics metrics;

  @BeforeEach
  void setUp() {
    clock = new FakeClock(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), java.time.ZoneOffset.UTC)).freeze();
    aws = new FakeAws(clock).start();
    aws.cfn().transitionDelay(Duration.ofSeconds(30));
    io.brighthive.loadstress.testing.GeneratorStandIn.install(aws);
    clients = new AwsClients(Optional.of(aws.endpoint()), StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")));
    Infrastructure cfn = new CloudFormationInfrastructure(env -> clients.cloudFormation(env.awsRegion(), env.roleArn()),
        PreDeleteHooks.NONE, env -> clients.emrServerless(env.awsRegion(), env.roleArn()),
        env -> clients.resultStore(env.awsRegion(), env.roleArn()), () -> SparkGeneratorArtifact.of(new byte[] {1, 2, 3}),
        env -> clients.account(env.awsRegion(), env.roleArn()));
    metrics = new io.brighthive.loadstress.metrics.LoadstressMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    controller = new EnvironmentController(Map.of(Provider.AWS, cfn), EventRecorder.NONE, clock, Intervals.DEFAULT, metrics);
  }

  @AfterEach
  void tearDown() throws Exception {
    clients.close();
    aws.close();
  }

  @Test
  void aLostStatusWriteAfterCreateStackNeverCreatesASecondStack() {
    LoadstressEnvironment env = environment();
    controller.reconcile(env);
    assertThat(aws.cfn().calls("CreateStack")).isEqualTo(2);

    LoadstressEnvironment restarted = environment();
    restarted.getMetadata().setUid(env.getMetadata().getUid());
    controller.reconcile(restarted);

    assertThat(aws.cfn().stackNames()).hasSize(2);
    assertThat(restarted.getStatus().getStacks().getVpc().getStackId()).isEqualTo(env.getStatus().getStacks().getVpc().getStackId());
    assertThat(restarted.getStatus().getPhase()).isEqualTo(EnvironmentPhase.Provisioning);
  }

  @Test
  void holdingAReadyEnvironmentForAnHourCostsAtMostTwelveDescribeCalls() {
    LoadstressEnvironment env = environment();
    int passes = runUntil(env, EnvironmentPhase.Ready, Duration.ofHours(1));
    long toConverge = aws.cfn().totalCalls();
    long describesToConverge = describeCalls();
    System.out.printf("converging one environment: %d reconcile passes, %d CloudFormation calls (%d describe/list)%n",
        passes, toConverge, describesToConverge);

    Instant readyAt = clock.instant();
    long writesBefore = aws.cfn().writeCalls();
    long describesBefore = describeCalls();
    while (clock.instant().isBefore(readyAt.plus(Duration.ofHours(1)))) {
      Duration next = controller.reconcile(env).recheckAfter().orElseThrow();
      assertThat(env.getStatus().getPhase()).isEqualTo(EnvironmentPhase.Ready);
      clock.advance(next);
    }
    long describesInHour = describeCalls() - describesBefore;
    assertThat(metrics.registry().get("loadstress.environments").tag("phase", "Ready").gauge().value()).isEqualTo(1.0);
    assertThat(metrics.registry().get("loadstress.records.generated").gauge().value()).isEqualTo(1_000_000.0);
    System.out.printf("holding it Ready for one simulated hour: %d describe/list calls, %d write calls%n",
        describesInHour, aws.cfn().writeCalls() - writesBefore);
    assertThat(describesInHour).isLessThanOrEqualTo(12);
    assertThat(aws.cfn().writeCalls()).as("an unchanged spec makes no write calls").isEqualTo(writesBefore);
  }

  @Test
  void anInvalidSpecIsReportedAndNothingIsCreated() {
    LoadstressEnvironment env = environment();
    var vpc = new io.brighthive.loadstress.api.environment.VpcSpec();
    vpc.setCidr("10.0.0.1/16");
    env.getSpec().setVpc(vpc);

    EnvironmentDecision decision = controller.reconcile(env);

    assertThat(decision.recheckAfter()).as("waits for the spec to change").isEmpty();
    assertThat(env.getStatus().getPhase()).isEqualTo(EnvironmentPhase.Failed);
    var ready = io.brighthive.loadstress.status.ConditionSupport.find(env.getStatus().getConditions(), "Ready").orElseThrow();
    assertThat(ready.getReason()).isEqualTo("InvalidSpec");
    assertThat(ready.getMessage()).contains("nothing was created", "10.0.0.1/16");
    assertThat(aws.cfn().totalCalls()).isZero();
  }

  @Test
  void anInvalidEnvironmentThatNeverCreatedAnythingIsReleasedAtOnce() {
    LoadstressEnvironment env = environment();
    var vpc = new io.brighthive.loadstress.api.environment.VpcSpec();
    vpc.setCidr("10.0.0.1/16");
    env.getSpec().setVpc(vpc);
    controller.reconcile(env);

    assertThat(controller.cleanup(env)).as("the finalizer may go: nothing was created").isTrue();
    assertThat(aws.cfn().totalCalls()).isZero();
  }

  @Test
  void credentialsOfAnotherAccountCreateNothing() {
    LoadstressEnvironment env = environment();
    env.getSpec().getAws().setAccountId("999999999999");

    controller.reconcile(env);

    assertThat(env.getStatus().getPhase()).isEqualTo(EnvironmentPhase.Failed);
    var ready = io.brighthive.loadstress.status.ConditionSupport.find(env.getStatus().getConditions(), "Ready").orElseThrow();
    assertThat(ready.getReason()).isEqualTo("AccountMismatch");
    assertThat(ready.getMessage()).contains(FakeAws.ACCOUNT_ID, "999999999999", "nothing was created");
    assertThat(aws.cfn().totalCalls()).isZero();

    env.getSpec().getAws().setAccountId(FakeAws.ACCOUNT_ID);
    controller.reconcile(env);
    assertThat(aws.cfn().calls("CreateStack")).isEqualTo(2);
  }

  @Test
  void anExpiredEnvironmentAsksToBeDeleted() {
    LoadstressEnvironment env = environment();
    env.getSpec().setTtl("2h");
    EnvironmentDecision first = controller.reconcile(env);
    assertThat(first.expired()).isFalse();
    assertThat(env.getStatus().getExpiresAt()).isEqualTo("2026-11-26T12:00:00Z");

    clock.advance(Duration.ofHours(2));
    assertThat(controller.reconcile(env).expired()).isTrue();
  }

  private long describeCalls() {
    return aws.cfn().calls("DescribeStacks") + aws.cfn().calls("ListStacks") + aws.cfn().calls("DescribeStackEvents")
        + aws.cfn().calls("DescribeChangeSet");
  }

  @Test
  void aStackUpdatedBehindTheOperatorsBackIsBroughtBackInLine() {
    LoadstressEnvironment env = environment();
    runUntil(env, EnvironmentPhase.Ready, Duration.ofHours(1));
    String vpc = env.getStatus().getStacks().getVpc().getStackName();
    var cfn = aws.cloudFormation();
    var tags = cfn.describeStacks(b -> b.stackName(vpc)).stacks().get(0).tags().stream()
        .map(t -> t.key().equals(io.brighthive.loadstress.environment.aws.StackTarget.HASH_TAG) ? t.toBuilder().value("edited-by-hand").build() : t)
        .toList();
    cfn.updateStack(b -> b.stackName(vpc).usePreviousTemplate(true).tags(tags)
        .capabilities(software.amazon.awssdk.services.cloudformation.model.Capability.CAPABILITY_NAMED_IAM));
    clock.advance(Duration.ofMinutes(1));
    long changeSets = aws.cfn().calls("CreateChangeSet");

    runUntil(env, e -> aws.cfn().calls("ExecuteChangeSet") > 0 && e.getStatus().getPhase() == EnvironmentPhase.Ready
        && "UPDATE_COMPLETE".equals(e.getStatus().getStacks().getVpc().getStatus()), Duration.ofHours(1));

    assertThat(aws.cfn().calls("CreateChangeSet")).isEqualTo(changeSets + 1);
    assertThat(cfn.describeStacks(b -> b.stackName(vpc)).stacks().get(0).tags())
        .anyMatch(t -> t.key().equals(io.brighthive.loadstress.environment.aws.StackTarget.HASH_TAG) && !t.value().equals("edited-by-hand"));
  }

  @Test
  void aLostStatusWriteAfterStartJobRunNeverStartsASecondRun() {
    LoadstressEnvironment env = environment();
    runUntil(env, e -> e.getStatus() != null && e.getStatus().getDataGeneration() != null
        && e.getStatus().getDataGeneration().getJobRunId() != null, Duration.ofHours(1));
    var emr = aws.service(io.brighthive.loadstress.awsfake.emrserverless.FakeEmrServerless.class);
    assertThat(emr.jobRunsStarted()).isEqualTo(1);

    LoadstressEnvironment lost = io.fabric8.kubernetes.client.utils.Serialization.clone(env);
    lost.getStatus().getDataGeneration().setJobRunId(null);
    lost.getStatus().getDataGeneration().setState("PENDING_SUBMISSION");
    controller.reconcile(lost);

    assertThat(lost.getStatus().getDataGeneration().getJobRunId()).isEqualTo(env.getStatus().getDataGeneration().getJobRunId());
    assertThat(emr.jobRunsStarted()).as("StartJobRun with the recorded client token finds the first run").isEqualTo(1);
  }

  private int runUntil(LoadstressEnvironment env, EnvironmentPhase phase, Duration limit) {
    return runUntil(env, e -> e.getStatus() != null && e.getStatus().getPhase() == phase, limit);
  }

  private int runUntil(LoadstressEnvironment env, java.util.function.Predicate<LoadstressEnvironment> done, Duration limit) {
    Instant deadline = clock.instant().plus(limit);
    int passes = 0;
    while (!done.test(env)) {
      assertThat(clock.instant()).as("reached the expected state within %s", limit).isBefore(deadline);
      Duration next = controller.reconcile(env).recheckAfter().orElseThrow();
      passes++;
      clock.advance(next);
    }
    return passes;
  }

  private LoadstressEnvironment environment() {
    LoadstressEnvironment env = Environments.aws("team-a", "subset", Mode.SUBSET);
    env.getMetadata().setUid(UUID.nameUUIDFromBytes("team-a/subset".getBytes()).toString());
    env.getMetadata().setGeneration(1L);
    env.getMetadata().setCreationTimestamp("2026-11-26T10:00:00Z");
    return env;
  }
}
