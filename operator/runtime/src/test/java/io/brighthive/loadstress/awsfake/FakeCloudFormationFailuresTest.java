package io.brighthive.loadstress.awsfake;

import static io.brighthive.loadstress.awsfake.CfnTestTemplates.LAKE;
import static io.brighthive.loadstress.awsfake.CfnTestTemplates.awaitStatus;
import static io.brighthive.loadstress.awsfake.CfnTestTemplates.describe;
import static io.brighthive.loadstress.awsfake.CfnTestTemplates.events;
import static io.brighthive.loadstress.awsfake.CfnTestTemplates.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/** Failure switches and failure paths, observed through the real SDK client. */
class FakeCloudFormationFailuresTest {

  private static FakeAws aws;
  private static CloudFormationClient cfn;
  private static CloudFormationClient noRetries;

  @BeforeAll
  static void start() {
    aws = new FakeAws().start();
    cfn = aws.cloudFormation();
    noRetries = aws.cloudFormation(b -> b.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())));
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @BeforeEach
  void clean() {
    aws.reset();
    aws.cfn().transitionDelay(Duration.ofMillis(60));
  }

  @Test
  void throttlingIsRetriedByTheSdkAndSurfacesWhenRetriesRunOut() {
    aws.cfn().throttle("DescribeStacks", 2);
    assertThat(cfn.describeStacks().stacks()).isEmpty();
    assertThat(aws.cfn().calls("DescribeStacks")).isEqualTo(3);

    aws.cfn().throttle("DescribeStacks", 10);
    assertThatThrownBy(() -> cfn.describeStacks()).isInstanceOfSatisfying(AwsServiceException.class, e -> {
      assertThat(e.isThrottlingException()).isTrue();
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
    });
    assertThat(aws.cfn().calls("DescribeStacks")).isEqualTo(6);
    assertThat(aws.cfn().writeCalls()).isZero();
  }

  @Test
  void serverErrorsAreRetriedAndVisibleWithoutRetries() {
    aws.cfn().failWithServerError("CreateStack", 1);
    cfn.createStack(r -> r.stackName("retried").templateBody(LAKE));
    assertThat(aws.cfn().calls("CreateStack")).isEqualTo(2);
    assertThat(aws.cfn().stackNames()).containsExactly("retried");

    aws.cfn().failWithServerError("DescribeStacks", 1);
    assertThatThrownBy(() -> noRetries.describeStacks()).isInstanceOfSatisfying(AwsServiceException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(500);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
    });
    assertThat(noRetries.describeStacks().stacks()).hasSize(1);
  }

  @Test
  void accessDeniedIsA403ThatIsNotRetried() {
    aws.cfn().denyAccess("CreateStack");
    assertThatThrownBy(() -> cfn.createStack(r -> r.stackName("denied").templateBody(LAKE)))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
          assertThat(e.awsErrorDetails().errorMessage()).contains("is not authorized to perform: cloudformation:CreateStack");
        });
    assertThat(aws.cfn().calls("CreateStack")).isEqualTo(1);
    assertThat(aws.cfn().writeCalls()).isEqualTo(1);

    aws.cfn().allowAccess("CreateStack");
    cfn.createStack(r -> r.stackName("denied").templateBody(LAKE));
    assertThat(aws.cfn().stackNames()).containsExactly("denied");
  }

  @Test
  void slowResponsesAreDelayed() {
    aws.cfn().delay("DescribeStacks", Duration.ofMillis(300));
    long start = System.nanoTime();
    cfn.describeStacks();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void failedCreationRollsBackAndNamesTheResourceAndReason() {
    aws.cfn().failCreate("env-.*-warehouse", "Cluster", "Insufficient capacity for <ra3.xlplus> & \"more\"");
    cfn.createStack(r -> r.stackName("env-a-warehouse").templateBody(LAKE));
    Stack stack = awaitStatus(cfn, "env-a-warehouse", "ROLLBACK_COMPLETE");

    assertThat(stack.outputs()).isEmpty();
    List<StackEvent> events = events(cfn, "env-a-warehouse");
    assertThat(events).filteredOn(e -> e.resourceStatusAsString().equals("CREATE_FAILED")).singleElement()
        .satisfies(e -> {
          assertThat(e.logicalResourceId()).isEqualTo("Cluster");
          assertThat(e.resourceStatusReason()).isEqualTo("Insufficient capacity for <ra3.xlplus> & \"more\"");
        });
    assertThat(events).filteredOn(e -> e.resourceStatusAsString().equals("ROLLBACK_IN_PROGRESS")).singleElement()
        .satisfies(e -> assertThat(e.resourceStatusReason())
            .isEqualTo("The following resource(s) failed to create: [Cluster]. Rollback requested by user."));
    assertThatThrownBy(() -> cfn.updateStack(r -> r.stackName("env-a-warehouse").usePreviousTemplate(true)))
        .hasMessageContaining("is in ROLLBACK_COMPLETE state and can not be updated.");
    assertThatThrownBy(() -> cfn.createStack(r -> r.stackName("env-a-warehouse").templateBody(LAKE)))
        .hasMessageContaining("already exists");

    cfn.deleteStack(r -> r.stackName("env-a-warehouse"));
    awaitStatus(cfn, stack.stackId(), "DELETE_COMPLETE");
  }

  @Test
  void failedUpdateRollsBackToThePreviousTemplate() {
    cfn.createStack(r -> r.stackName("upd-fail").templateBody(LAKE));
    awaitStatus(cfn, "upd-fail", "CREATE_COMPLETE");
    aws.cfn().failUpdate("upd-fail", "Bucket", "Bucket policy rejected");

    cfn.updateStack(r -> r.stackName("upd-fail").usePreviousTemplate(true)
        .parameters(Parameter.builder().parameterKey("Env").parameterValue("prod").build()));
    Stack stack = awaitStatus(cfn, "upd-fail", "UPDATE_ROLLBACK_COMPLETE");

    assertThat(output(stack, "BucketName")).isEqualTo("upd-fail-lake-dev");
    assertThat(stack.parameters()).anySatisfy(p -> assertThat(p.parameterValue()).isEqualTo("dev"));
    assertThat(events(cfn, "upd-fail")).filteredOn(e -> e.resourceStatusAsString().equals("UPDATE_FAILED"))
        .singleElement().satisfies(e -> {
          assertThat(e.logicalResourceId()).isEqualTo("Bucket");
          assertThat(e.resourceStatusReason()).isEqualTo("Bucket policy rejected");
        });
    assertThat(events(cfn, "upd-fail")).extracting(StackEvent::resourceStatusAsString)
        .contains("UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS");

    aws.cfn().clearStackFailures();
    cfn.updateStack(r -> r.stackName("upd-fail").usePreviousTemplate(true)
        .parameters(Parameter.builder().parameterKey("Env").parameterValue("prod").build()));
    assertThat(output(awaitStatus(cfn, "upd-fail", "UPDATE_COMPLETE"), "BucketName")).isEqualTo("upd-fail-lake-prod");
  }

  @Test
  void deleteFailedNamesTheResourceAndALaterDeleteSucceedsOnceTheSwitchIsOff() {
    cfn.createStack(r -> r.stackName("sticky").templateBody(LAKE));
    awaitStatus(cfn, "sticky", "CREATE_COMPLETE");
    aws.cfn().failDelete("sticky", "Bucket", "The bucket you tried to delete is not empty");

    cfn.deleteStack(r -> r.stackName("sticky"));
    Stack stack = awaitStatus(cfn, "sticky", "DELETE_FAILED");
    assertThat(stack.stackStatusReason()).isEqualTo("The following resource(s) failed to delete: [Bucket]. ");
    assertThat(events(cfn, "sticky")).filteredOn(e -> e.resourceStatusAsString().equals("DELETE_FAILED"))
        .extracting(StackEvent::logicalResourceId, StackEvent::resourceStatusReason)
        .containsExactly(tuple("sticky", "The following resource(s) failed to delete: [Bucket]. "),
            tuple("Bucket", "The bucket you tried to delete is not empty"));
    assertThat(events(cfn, "sticky")).filteredOn(e -> e.logicalResourceId().equals("Cluster"))
        .extracting(StackEvent::resourceStatusAsString).startsWith("DELETE_COMPLETE", "DELETE_IN_PROGRESS");

    cfn.deleteStack(r -> r.stackName("sticky").clientRequestToken("delete-2"));
    awaitStatus(cfn, "sticky", "DELETE_FAILED");
    aws.cfn().clearFailDelete("sticky");
    int eventCount = events(cfn, "sticky").size();
    cfn.deleteStack(r -> r.stackName("sticky").clientRequestToken("delete-2"));
    assertThat(events(cfn, "sticky")).hasSize(eventCount);
    cfn.deleteStack(r -> r.stackName("sticky").clientRequestToken("delete-3"));
    awaitStatus(cfn, stack.stackId(), "DELETE_COMPLETE");
  }

  @Test
  void anImportedExportPinsItsStack() {
    cfn.createStack(r -> r.stackName("exporter").templateBody(LAKE));
    awaitStatus(cfn, "exporter", "CREATE_COMPLETE");
    cfn.createStack(r -> r.stackName("importer").templateBody(CfnTestTemplates.importer("exporter-BucketArn")));
    Stack importer = awaitStatus(cfn, "importer", "CREATE_COMPLETE");
    assertThat(output(importer, "Imported")).isEqualTo("arn:aws:s3:::exporter-lake-dev");
    assertThat(cfn.listImports(r -> r.exportName("exporter-BucketArn")).imports()).containsExactly("importer");

    cfn.deleteStack(r -> r.stackName("exporter"));
    String reason = "Export exporter-BucketArn cannot be deleted as it is in use by importer";
    await().atMost(Duration.ofSeconds(5))
        .until(() -> reason.equals(describe(cfn, "exporter").stackStatusReason()));
    assertThat(describe(cfn, "exporter").stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
    assertThat(events(cfn, "exporter").get(0).resourceStatusReason()).isEqualTo(reason);

    cfn.deleteStack(r -> r.stackName("importer"));
    awaitStatus(cfn, importer.stackId(), "DELETE_COMPLETE");
    cfn.deleteStack(r -> r.stackName("exporter"));
    await().atMost(Duration.ofSeconds(5))
        .until(() -> aws.cfn().stackNames().isEmpty());
  }

  @Test
  void importingAMissingExportRollsBack() {
    cfn.createStack(r -> r.stackName("orphan").templateBody(CfnTestTemplates.importer("nobody-exports-this")));
    Stack stack = awaitStatus(cfn, "orphan", "ROLLBACK_COMPLETE");
    assertThat(events(cfn, "orphan")).anySatisfy(e -> assertThat(e.resourceStatusReason())
        .isEqualTo("No export named nobody-exports-this found. Rollback requested by user."));
    assertThat(stack.outputs()).isEmpty();
  }

  @Test
  void outOfBandChangesTerminationProtectionAndForcedStatus() {
    String id = cfn.createStack(r -> r.stackName("oob").templateBody(LAKE).enableTerminationProtection(true))
        .stackId();
    awaitStatus(cfn, "oob", "CREATE_COMPLETE");
    assertThatThrownBy(() -> cfn.deleteStack(r -> r.stackName("oob")))
        .hasMessageContaining("cannot be deleted while TerminationProtection is enabled");

    aws.cfn().driftOutOfBand("oob", "Bucket");
    assertThat(describe(cfn, "oob").driftInformation().stackDriftStatusAsString()).isEqualTo("DRIFTED");
    aws.cfn().forceStatus("oob", "UPDATE_ROLLBACK_FAILED", "someone broke it");
    assertThat(describe(cfn, "oob").stackStatusReason()).isEqualTo("someone broke it");

    aws.cfn().deleteOutOfBand("oob");
    assertThatThrownBy(() -> describe(cfn, "oob")).hasMessageContaining("Stack with id oob does not exist");
    assertThat(describe(cfn, id).stackStatusAsString()).isEqualTo("DELETE_COMPLETE");
    assertThat(events(cfn, id).get(0).clientRequestToken()).startsWith("Console-DeleteStack-");
  }
}
