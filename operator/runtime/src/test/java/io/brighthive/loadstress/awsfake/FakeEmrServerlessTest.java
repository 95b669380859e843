package io.brighthive.loadstress.awsfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.brighthive.loadstress.awsfake.emrserverless.FakeEmrServerless;
import io.brighthive.loadstress.awsfake.s3.FakeS3;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.ConflictException;
import software.amazon.awssdk.services.emrserverless.model.InitialCapacityConfig;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/** The EMR Serverless fake through the real SDK client, on a frozen clock that the tests advance. */
class FakeEmrServerlessTest {

  @RegisterExtension
  static final FakeAwsExtension AWS = new FakeAwsExtension();

  static final String ROLE = "arn:aws:iam::123456789012:role/env-a-emr-job";

  private static EmrServerlessClient emr;
  private FakeEmrServerless fake;
  private String appId;

  @BeforeAll
  static void client() {
    emr = AWS.fake().emrServerless();
  }

  @BeforeEach
  void application() {
    fake = AWS.fake().service(FakeEmrServerless.class);
    AWS.fake().clock().freeze();
    appId = emr.createApplication(r -> r.name("env-a-spark").releaseLabel("emr-7.5.0").type("SPARK")
        .initialCapacity(Map.of("DRIVER", ic(1), "EXECUTOR", ic(2)))).applicationId();
  }

  private static InitialCapacityConfig ic(int workers) {
    return InitialCapacityConfig.builder().workerCount((long) workers)
        .workerConfiguration(w -> w.cpu("4vCPU").memory("16GB").disk("20GB")).build();
  }

  private void advance(long millis) {
    AWS.fake().clock().advance(Duration.ofMillis(millis));
  }

  private String state() {
    return emr.getApplication(r -> r.applicationId(appId)).application().stateAsString();
  }

  private JobRun run(String jobRunId) {
    return emr.getJobRun(r -> r.applicationId(appId).jobRunId(jobRunId)).jobRun();
  }

  private Consumer<StartJobRunRequest.Builder> job(String token, String output) {
    return r -> r.applicationId(appId).clientToken(token).executionRoleArn(ROLE).name("s14")
        .jobDriver(d -> d.sparkSubmit(s -> s.entryPoint("s3://env-a-lake/jars/spark-generator.jar")
            .entryPointArguments("scenario", "--id", "S14", "--output", output)
            .sparkSubmitParameters("--class io.brighthive.Main")))
        .configurationOverrides(c -> c.monitoringConfiguration(m -> m.s3MonitoringConfiguration(
            s -> s.logUri("s3://env-a-lake/logs/"))));
  }

  @Test
  void applicationsGoThroughTheirStates() {
    assertThat(state()).isEqualTo("CREATING");
    advance(200);
    assertThat(state()).isEqualTo("CREATED");
    emr.startApplication(r -> r.applicationId(appId));
    assertThat(state()).isEqualTo("STARTING");
    advance(200);
    assertThat(state()).isEqualTo("STARTED");
    emr.stopApplication(r -> r.applicationId(appId));
    assertThat(state()).isEqualTo("STOPPING");
    advance(200);
    assertThat(state()).isEqualTo("STOPPED");
    assertThat(emr.listApplications(r -> { }).applications()).extracting(a -> a.id()).containsExactly(appId);
    emr.deleteApplication(r -> r.applicationId(appId));
    assertThat(state()).isEqualTo("TERMINATED");
    assertThat(emr.listApplications(r -> { }).applications()).isEmpty();

    assertThatThrownBy(() -> emr.getApplication(r -> r.applicationId("00nosuchapp00000")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void aJobRunAutoStartsItsApplicationRunsAndReportsUsageAndItsOutput() {
    advance(200);
    FakeS3 s3 = AWS.fake().service(FakeS3.class).createBucketOutOfBand("env-a-lake");
    fake.onJobRun(run -> s3.putObjectOutOfBand("env-a-lake", run.argument("--output").replace("s3://env-a-lake/", ""),
        "{\"scenario\": \"" + run.argument("--id") + "\", \"verdict\": \"PASS\"}"));

    String id = emr.startJobRun(job("uid-1-gen-1", "s3://env-a-lake/results/s14.json")).jobRunId();
    assertThat(run(id).stateAsString()).isEqualTo("SUBMITTED");
    assertThat(state()).isEqualTo("STARTING");
    advance(200);
    assertThat(state()).isEqualTo("STARTED");
    advance(40);
    assertThat(run(id).state()).isEqualTo(JobRunState.PENDING);
    advance(40);
    assertThat(run(id).state()).isEqualTo(JobRunState.SCHEDULED);
    advance(40);
    assertThat(run(id).state()).isEqualTo(JobRunState.RUNNING);
    assertThat(s3.objectText("env-a-lake", "results/s14.json")).isEmpty();
    advance(280);

    JobRun done = run(id);
    assertThat(done.state()).isEqualTo(JobRunState.SUCCESS);
    assertThat(done.name()).isEqualTo("s14");
    assertThat(done.executionRole()).isEqualTo(ROLE);
    assertThat(done.releaseLabel()).isEqualTo("emr-7.5.0");
    assertThat(done.jobDriver().sparkSubmit().entryPointArguments()).containsExactly("scenario", "--id", "S14",
        "--output", "s3://env-a-lake/results/s14.json");
    assertThat(done.configurationOverrides().monitoringConfiguration().s3MonitoringConfiguration().logUri())
        .isEqualTo("s3://env-a-lake/logs/");
    assertThat(done.createdAt()).isBefore(done.updatedAt());
    assertThat(Duration.between(done.startedAt(), done.endedAt())).isEqualTo(Duration.ofMillis(280));
    assertThat(done.totalExecutionDurationSeconds()).isEqualTo(1);
    assertThat(done.totalResourceUtilization().vcpuHour()).isCloseTo(12 * 0.28 / 3600, offset(1e-6));
    assertThat(done.billedResourceUtilization().vcpuHour()).isCloseTo(12 * 60 / 3600.0, offset(1e-6));
    assertThat(done.totalResourceUtilization().memoryGBHour()).isPositive();
    assertThat(s3.objectText("env-a-lake", "results/s14.json"))
        .contains("{\"scenario\": \"S14\", \"verdict\": \"PASS\"}");

    AWS.fake().clock().advance(Duration.ofMinutes(15));
    assertThat(state()).isEqualTo("STOPPING");
    advance(200);
    assertThat(state()).isEqualTo("STOPPED");
  }

  @Test
  void theSameClientTokenReturnsTheSameRunAndADifferentRequestWithItConflicts() {
    advance(200);
    String first = emr.startJobRun(job("uid-1-gen-1", "s3://b/one")).jobRunId();
    String again = emr.startJobRun(job("uid-1-gen-1", "s3://b/one")).jobRunId();
    assertThat(again).isEqualTo(first);
    assertThat(fake.jobRunsStarted()).isEqualTo(1);
    assertThat(fake.calls("StartJobRun")).isEqualTo(2);

    assertThatThrownBy(() -> emr.startJobRun(job("uid-1-gen-1", "s3://b/two")))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    String other = emr.startJobRun(job("uid-1-gen-2", "s3://b/two")).jobRunId();
    assertThat(other).isNotEqualTo(first);

    AWS.fake().clock().advance(Duration.ofHours(9));
    assertThat(emr.startJobRun(job("uid-1-gen-1", "s3://b/one")).jobRunId()).isNotEqualTo(first);
    assertThat(fake.jobRunsStarted()).isEqualTo(3);

    String generated1 = emr.startJobRun(r -> r.applicationId(appId).executionRoleArn(ROLE)).jobRunId();
    String generated2 = emr.startJobRun(r -> r.applicationId(appId).executionRoleArn(ROLE)).jobRunId();
    assertThat(generated1).isNotEqualTo(generated2);
  }

  @Test
  void withoutAutoStartAStoppedApplicationRejectsJobs() {
    String manual = emr.createApplication(r -> r.name("manual").releaseLabel("emr-7.5.0").type("SPARK")
        .autoStartConfiguration(a -> a.enabled(false))).applicationId();
    advance(200);
    assertThatThrownBy(() -> emr.startJobRun(r -> r.applicationId(manual).clientToken("t").executionRoleArn(ROLE)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.getMessage()).contains("auto-start is disabled");
        });
    emr.startApplication(r -> r.applicationId(manual));
    advance(200);
    assertThat(emr.startJobRun(r -> r.applicationId(manual).clientToken("t").executionRoleArn(ROLE)).jobRunId())
        .startsWith("00");
  }

  @Test
  void failedAndCancelledRuns() {
    advance(200);
    emr.startApplication(r -> r.applicationId(appId));
    advance(200);
    fake.failNextJobRun("Job failed, please check complete logs in configured logging destination. ExitCode: 1.");
    String failing = emr.startJobRun(job("a", "s3://b/a")).jobRunId();
    String cancelled = emr.startJobRun(job("b", "s3://b/b")).jobRunId();
    advance(120);
    assertThat(run(cancelled).state()).isEqualTo(JobRunState.RUNNING);
    emr.cancelJobRun(r -> r.applicationId(appId).jobRunId(cancelled));
    assertThat(run(cancelled).state()).isEqualTo(JobRunState.CANCELLING);
    assertThatThrownBy(() -> emr.stopApplication(r -> r.applicationId(appId))).isInstanceOf(ValidationException.class);
    advance(280);

    JobRun failed = run(failing);
    assertThat(failed.state()).isEqualTo(JobRunState.FAILED);
    assertThat(failed.stateDetails()).startsWith("Job failed, please check complete logs");
    assertThat(failed.totalResourceUtilization()).isNotNull();
    assertThat(run(cancelled).state()).isEqualTo(JobRunState.CANCELLED);
    assertThatThrownBy(() -> emr.cancelJobRun(r -> r.applicationId(appId).jobRunId(cancelled)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> run("00nosuchrun00000")).isInstanceOf(ResourceNotFoundException.class);

    assertThat(emr.listJobRuns(r -> r.applicationId(appId).statesWithStrings("FAILED", "CANCELLED")).jobRuns())
        .extracting(s -> s.id()).containsExactly(cancelled, failing);
    List<String> paged = emr.listJobRunsPaginator(r -> r.applicationId(appId).maxResults(1)).jobRuns().stream()
        .map(s -> s.id()).toList();
    assertThat(paged).containsExactly(cancelled, failing);
    assertThat(emr.listJobRuns(r -> r.applicationId(appId).createdAtAfter(Instant.EPOCH)).jobRuns())
        .hasSize(2);
    assertThat(emr.listJobRuns(r -> r.applicationId(appId).createdAtBefore(Instant.EPOCH)).jobRuns())
        .isEmpty();
  }

  @Test
  void switchesApplyToEmrServerlessToo() {
    fake.throttle("GetApplication", 2);
    assertThat(state()).isEqualTo("CREATING");
    assertThat(fake.calls("GetApplication")).isEqualTo(3);
    fake.failWithServerError("ListApplications", 9);
    assertThatThrownBy(() -> emr.listApplications(r -> { }))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    fake.denyAccess("StartJobRun");
    assertThatThrownBy(() -> emr.startJobRun(job("t", "s3://b/t")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        });
    assertThat(fake.jobRunsStarted()).isZero();
    assertThat(fake.writeCalls()).isEqualTo(2);
  }
}
