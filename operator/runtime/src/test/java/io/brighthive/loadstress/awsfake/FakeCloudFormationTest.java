package io.brighthive.loadstress.awsfake;

import static io.brighthive.loadstress.awsfake.CfnTestTemplates.LAKE;
import static io.brighthive.loadstress.awsfake.CfnTestTemplates.LAKE_YAML;
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
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.InsufficientCapabilitiesException;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/** The stack and change-set lifecycle, driven only through the real SDK client. */
class FakeCloudFormationTest {

  private static FakeAws aws;
  private static CloudFormationClient cfn;

  @BeforeAll
  static void start() {
    aws = new FakeAws().start();
    cfn = aws.cloudFormation();
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
  void createGoesThroughInProgressToCompleteWithOutputs() {
    aws.clock().freeze();
    String stackId = cfn.createStack(r -> r.stackName("env-a-lake").templateBody(LAKE)
        .tags(Tag.builder().key("owner").value("team").build())).stackId();

    assertThat(stackId).startsWith("arn:aws:cloudformation:us-west-2:123456789012:stack/env-a-lake/");
    assertThat(describe(cfn, "env-a-lake").stackStatusAsString()).isEqualTo("CREATE_IN_PROGRESS");
    aws.clock().resume();
    Stack stack = awaitStatus(cfn, "env-a-lake", "CREATE_COMPLETE");

    assertThat(stack.stackId()).isEqualTo(stackId);
    assertThat(stack.description()).isEqualTo("lake and warehouse");
    assertThat(stack.tags()).containsExactly(Tag.builder().key("owner").value("team").build());
    assertThat(stack.parameters()).extracting(Parameter::parameterKey, Parameter::parameterValue)
        .containsExactly(tuple("Env", "dev"),
            tuple("NodeCount", "1"));
    assertThat(output(stack, "BucketName")).isEqualTo("env-a-lake-lake-dev");
    assertThat(output(stack, "BucketArn")).isEqualTo("arn:aws:s3:::env-a-lake-lake-dev");
    assertThat(output(stack, "Endpoint")).matches("[a-z0-9-]+\\.[a-z0-9]+\\.us-west-2\\.redshift\\.amazonaws\\.com:5439");
    assertThat(output(stack, "Region")).isEqualTo("region=us-west-2");
    assertThat(output(stack, "FirstAz")).isEqualTo("us-west-2a");
    assertThat(output(stack, "Literal")).isEqualTo("hello");
    assertThat(output(stack, "Unknown")).isEqualTo("fake-Cluster-NoSuchAttribute");
    assertThat(stack.outputs()).filteredOn(o -> o.exportName() != null).singleElement()
        .satisfies(o -> assertThat(o.exportName()).isEqualTo("env-a-lake-BucketArn"));
    assertThat(cfn.getTemplate(r -> r.stackName("env-a-lake")).templateBody()).isEqualTo(LAKE);
  }

  @Test
  void eventsAreNewestFirstWithOneTransitionPerResourceAndTheToken() {
    cfn.createStack(r -> r.stackName("events").templateBody(LAKE).clientRequestToken("create-1"));
    awaitStatus(cfn, "events", "CREATE_COMPLETE");

    List<StackEvent> events = events(cfn, "events");
    assertThat(events).extracting(StackEvent::logicalResourceId, StackEvent::resourceStatusAsString)
        .containsExactly(
            tuple("events", "CREATE_COMPLETE"),
            tuple("Cluster", "CREATE_COMPLETE"),
            tuple("Cluster", "CREATE_IN_PROGRESS"),
            tuple("Bucket", "CREATE_COMPLETE"),
            tuple("Bucket", "CREATE_IN_PROGRESS"),
            tuple("events", "CREATE_IN_PROGRESS"));
    assertThat(events).allSatisfy(e -> assertThat(e.clientRequestToken()).isEqualTo("create-1"));
    assertThat(events.get(events.size() - 1).resourceStatusReason()).isEqualTo("User Initiated");
    assertThat(events.get(events.size() - 1).resourceType()).isEqualTo("AWS::CloudFormation::Stack");
    assertThat(events.get(0).timestamp()).isAfterOrEqualTo(events.get(events.size() - 1).timestamp());
    assertThat(cfn.describeStackResources(r -> r.stackName("events")).stackResources())
        .extracting(r -> r.logicalResourceId() + ":" + r.resourceType() + ":" + r.resourceStatusAsString())
        .containsExactly("Bucket:AWS::S3::Bucket:CREATE_COMPLETE", "Cluster:AWS::Redshift::Cluster:CREATE_COMPLETE");
  }

  @Test
  void createWithTheSameTokenIsIdempotentAndAnotherTokenIsAlreadyExists() {
    String first = cfn.createStack(r -> r.stackName("idem").templateBody(LAKE).clientRequestToken("tok-1")).stackId();
    String retry = cfn.createStack(r -> r.stackName("idem").templateBody(LAKE).clientRequestToken("tok-1")).stackId();

    assertThat(retry).isEqualTo(first);
    assertThat(aws.cfn().stackNames()).containsExactly("idem");
    assertThat(aws.cfn().calls("CreateStack")).isEqualTo(2);
    assertThatThrownBy(() -> cfn.createStack(r -> r.stackName("idem").templateBody(LAKE).clientRequestToken("tok-2")))
        .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AlreadyExistsException");
          assertThat(e.getMessage()).contains("Stack [idem] already exists");
        });
  }

  @Test
  void changeSetOnAnUnchangedTemplateFailsWithNoChanges() {
    cfn.createStack(r -> r.stackName("same").templateBody(LAKE));
    awaitStatus(cfn, "same", "CREATE_COMPLETE");

    cfn.createChangeSet(r -> r.stackName("same").changeSetName("cs-1").templateBody(LAKE)
        .changeSetType(ChangeSetType.UPDATE));
    DescribeChangeSetResponse changeSet = awaitChangeSet("same", "cs-1", "FAILED");

    assertThat(changeSet.statusReason()).startsWith("The submitted information didn't contain changes.");
    assertThat(changeSet.executionStatusAsString()).isEqualTo("UNAVAILABLE");
    assertThatThrownBy(() -> cfn.updateStack(r -> r.stackName("same").usePreviousTemplate(true)))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No updates are to be performed.");
        });
  }

  @Test
  void updateThroughAChangeSetReachesUpdateCompleteWithNewOutputs() {
    cfn.createStack(r -> r.stackName("upd").templateBody(LAKE));
    awaitStatus(cfn, "upd", "CREATE_COMPLETE");

    String changeSetId = cfn.createChangeSet(r -> r.stackName("upd").changeSetName("to-prod").usePreviousTemplate(true)
        .parameters(Parameter.builder().parameterKey("Env").parameterValue("prod").build(),
            Parameter.builder().parameterKey("NodeCount").usePreviousValue(true).build())
        .clientToken("cs-token")).id();
    String retried = cfn.createChangeSet(r -> r.stackName("upd").changeSetName("to-prod").usePreviousTemplate(true)
        .clientToken("cs-token")).id();
    assertThat(retried).isEqualTo(changeSetId);
    DescribeChangeSetResponse changeSet = awaitChangeSet("upd", "to-prod", "CREATE_COMPLETE");
    assertThat(changeSet.executionStatusAsString()).isEqualTo("AVAILABLE");
    assertThat(changeSet.changes()).extracting(c -> c.resourceChange().actionAsString() + " "
        + c.resourceChange().logicalResourceId()).containsExactly("Modify Bucket");

    aws.clock().freeze();
    cfn.executeChangeSet(r -> r.changeSetName(changeSetId).clientRequestToken("exec-1"));
    assertThat(describe(cfn, "upd").stackStatusAsString()).isEqualTo("UPDATE_IN_PROGRESS");
    aws.clock().resume();
    Stack stack = awaitStatus(cfn, "upd", "UPDATE_COMPLETE");

    assertThat(output(stack, "BucketName")).isEqualTo("upd-lake-prod");
    assertThat(stack.changeSetId()).isEqualTo(changeSetId);
    assertThat(stack.lastUpdatedTime()).isNotNull();
    assertThat(events(cfn, "upd")).extracting(StackEvent::resourceStatusAsString)
        .contains("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
    assertThat(cfn.describeChangeSet(r -> r.changeSetName(changeSetId)).executionStatusAsString())
        .isEqualTo("EXECUTE_COMPLETE");
  }

  @Test
  void createThroughAChangeSetStartsInReviewInProgress() {
    aws.clock().freeze();
    cfn.createChangeSet(r -> r.stackName("via-cs").changeSetName("create").templateBody(LAKE)
        .changeSetType(ChangeSetType.CREATE));
    assertThat(describe(cfn, "via-cs").stackStatusAsString()).isEqualTo("REVIEW_IN_PROGRESS");
    assertThat(cfn.describeChangeSet(r -> r.stackName("via-cs").changeSetName("create")).statusAsString())
        .isEqualTo("CREATE_PENDING");
    aws.clock().resume();
    awaitChangeSet("via-cs", "create", "CREATE_COMPLETE");

    cfn.executeChangeSet(r -> r.stackName("via-cs").changeSetName("create"));
    Stack stack = awaitStatus(cfn, "via-cs", "CREATE_COMPLETE");
    assertThat(output(stack, "BucketName")).isEqualTo("via-cs-lake-dev");
  }

  @Test
  void deletedStackIsDescribableByIdOnlyAndDeleteIsIdempotent() {
    String id = cfn.createStack(r -> r.stackName("gone").templateBody(LAKE).clientRequestToken("c1")).stackId();
    awaitStatus(cfn, "gone", "CREATE_COMPLETE");

    aws.clock().freeze();
    cfn.deleteStack(r -> r.stackName("gone").clientRequestToken("d1"));
    assertThat(describe(cfn, id).stackStatusAsString()).isEqualTo("DELETE_IN_PROGRESS");
    cfn.deleteStack(r -> r.stackName("gone").clientRequestToken("d1"));
    aws.clock().resume();
    Stack deleted = awaitStatus(cfn, id, "DELETE_COMPLETE");

    assertThat(deleted.deletionTime()).isNotNull();
    assertThatThrownBy(() -> describe(cfn, "gone")).isInstanceOfSatisfying(AwsServiceException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stack with id gone does not exist");
    });
    cfn.deleteStack(r -> r.stackName("gone"));
    assertThat(cfn.describeStacks().stacks()).isEmpty();
    assertThat(events(cfn, id).get(0).clientRequestToken()).isEqualTo("d1");
  }

  @Test
  void frozenClockHoldsTheStackUntilAdvanced() {
    aws.clock().freeze();
    aws.cfn().transitionDelay(Duration.ofMinutes(5));
    cfn.createStack(r -> r.stackName("frozen").templateBody(LAKE));

    aws.clock().advance(Duration.ofMinutes(2));
    assertThat(describe(cfn, "frozen").stackStatusAsString()).isEqualTo("CREATE_IN_PROGRESS");
    assertThat(cfn.describeStackResources(r -> r.stackName("frozen")).stackResources()).isNotEmpty();
    aws.clock().advance(Duration.ofMinutes(3));
    assertThat(describe(cfn, "frozen").stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
  }

  @Test
  void yamlShortFormsConditionsAndCapabilities() {
    cfn.createStack(r -> r.stackName("yaml").templateBody(LAKE_YAML));
    Stack stack = awaitStatus(cfn, "yaml", "CREATE_COMPLETE");

    assertThat(output(stack, "BucketArn")).isEqualTo("arn:aws:s3:::yaml-lake-dev");
    assertThat(output(stack, "AppId")).matches("00[a-z0-9]{14}");
    assertThat(output(stack, "AppArn")).isEqualTo("arn:aws:emr-serverless:us-west-2:123456789012:/applications/"
        + output(stack, "AppId"));
    assertThat(output(stack, "Mode")).isEqualTo("development");
    assertThat(output(stack, "Subnets")).isEqualTo("10.0.0.0/24,10.0.1.0/24");
    assertThat(cfn.listStackResources(r -> r.stackName("yaml")).stackResourceSummaries())
        .extracting(s -> s.logicalResourceId()).containsExactly("Bucket", "App");

    assertThatThrownBy(() -> cfn.createStack(r -> r.stackName("role").templateBody(CfnTestTemplates.WITH_ROLE)))
        .isInstanceOf(InsufficientCapabilitiesException.class)
        .hasMessageContaining("Requires capabilities : [CAPABILITY_NAMED_IAM]");
    cfn.createStack(r -> r.stackName("role").templateBody(CfnTestTemplates.WITH_ROLE)
        .capabilities(Capability.CAPABILITY_NAMED_IAM));
    awaitStatus(cfn, "role", "CREATE_COMPLETE");
  }

  @Test
  void invalidInputIsAValidationErrorAsAwsWordsIt() {
    assertThatThrownBy(() -> cfn.createStack(r -> r.stackName("bad_name").templateBody(LAKE)))
        .hasMessageContaining("Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
    assertThatThrownBy(() -> cfn.createStack(r -> r.stackName("p").templateBody(LAKE)
        .parameters(Parameter.builder().parameterKey("Env").parameterValue("qa").build())))
        .hasMessageContaining("Parameter 'Env' must be one of AllowedValues");
    assertThatThrownBy(() -> cfn.createStack(r -> r.stackName("p").templateBody(LAKE)
        .parameters(Parameter.builder().parameterKey("Nope").parameterValue("x").build())))
        .hasMessageContaining("Parameters: [Nope] do not exist in the template");
    assertThatThrownBy(() -> cfn.createStack(r -> r.stackName("p").templateBody("{\"Resources\": {")))
        .hasMessageContaining("Template format error: JSON not well-formed.");
    assertThatThrownBy(() -> cfn.createStack(r -> r.stackName("p").templateBody(
        "{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"X\": {\"Ref\": \"Missing\"}}}}}")))
        .hasMessageContaining("Unresolved resource dependencies [Missing] in the Resources block of the template");
    assertThatThrownBy(() -> cfn.createStack(r -> r.stackName("p").templateBody("x".repeat(51_201))))
        .hasMessageContaining("Member must have length less than or equal to 51200");
    assertThat(aws.cfn().stackNames()).isEmpty();
  }

  @Test
  void zeroDelayCompletesBeforeTheNextCall() {
    aws.cfn().transitionDelay(Duration.ZERO);
    cfn.createStack(r -> r.stackName("instant").templateBody(LAKE));
    assertThat(describe(cfn, "instant").stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
  }

  @Test
  void changeSetsCanBeListedAndDeletedAndProtectionToggled() {
    cfn.createStack(r -> r.stackName("misc").templateBody(LAKE).enableTerminationProtection(true));
    awaitStatus(cfn, "misc", "CREATE_COMPLETE");
    cfn.createChangeSet(r -> r.stackName("misc").changeSetName("a").usePreviousTemplate(true)
        .tags(Tag.builder().key("k").value("v").build()));
    cfn.createChangeSet(r -> r.stackName("misc").changeSetName("b").usePreviousTemplate(true));
    assertThat(cfn.listChangeSets(r -> r.stackName("misc")).summaries()).extracting(s -> s.changeSetName())
        .containsExactly("a", "b");

    cfn.deleteChangeSet(r -> r.stackName("misc").changeSetName("b"));
    assertThatThrownBy(() -> cfn.describeChangeSet(r -> r.stackName("misc").changeSetName("b")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ChangeSetNotFound");
        });
    assertThat(awaitChangeSet("misc", "a", "CREATE_COMPLETE").changes()).hasSize(2);

    assertThat(describe(cfn, "misc").enableTerminationProtection()).isTrue();
    cfn.updateTerminationProtection(r -> r.stackName("misc").enableTerminationProtection(false));
    cfn.deleteStack(r -> r.stackName("misc"));
    await().atMost(Duration.ofSeconds(5)).until(() -> aws.cfn().stackNames().isEmpty());
  }

  private DescribeChangeSetResponse awaitChangeSet(String stack, String name, String status) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
        .until(() -> cfn.describeChangeSet(r -> r.stackName(stack).changeSetName(name)).statusAsString(),
            status::equals);
    return cfn.describeChangeSet(r -> r.stackName(stack).changeSetName(name));
  }
}
