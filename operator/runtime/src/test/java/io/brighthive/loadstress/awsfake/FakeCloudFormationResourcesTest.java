package io.brighthive.loadstress.awsfake;

import static io.brighthive.loadstress.awsfake.CfnTestTemplates.awaitStatus;
import static io.brighthive.loadstress.awsfake.CfnTestTemplates.describe;
import static io.brighthive.loadstress.awsfake.CfnTestTemplates.events;
import static io.brighthive.loadstress.awsfake.CfnTestTemplates.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.brighthive.loadstress.awsfake.emrserverless.FakeEmrServerless;
import io.brighthive.loadstress.awsfake.redshift.FakeRedshift;
import io.brighthive.loadstress.awsfake.s3.FakeS3;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.Application;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.ClusterNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Stacks create and delete their buckets, clusters and applications in the S3, Redshift and EMR fakes. */
class FakeCloudFormationResourcesTest {

  @RegisterExtension
  static final FakeAwsExtension AWS = new FakeAwsExtension();

  static final String ENVIRONMENT = """
      Parameters:
        BucketPolicy: {Type: String, Default: Delete}
      Conditions:
        RetainBucket: !Equals [!Ref BucketPolicy, Retain]
      Resources:
        Bucket:
          Type: AWS::S3::Bucket
          DeletionPolicy: Delete
          Properties:
            BucketName: !Sub '${AWS::StackName}-lake-${AWS::Region}'
        Warehouse:
          Type: AWS::Redshift::Cluster
          DeletionPolicy: Snapshot
          Properties:
            ClusterIdentifier: !Sub '${AWS::StackName}-rs'
            ClusterType: single-node
            NodeType: ra3.xlplus
            DBName: loadstress
            MasterUsername: admin
            ManageMasterPassword: true
            Encrypted: true
            Tags: [{Key: component, Value: redshift}]
        Spark:
          Type: AWS::EMRServerless::Application
          Properties:
            Name: !Sub '${AWS::StackName}-spark'
            Type: SPARK
            ReleaseLabel: emr-7.5.0
            AutoStartConfiguration: {Enabled: true}
            AutoStopConfiguration: {Enabled: true, IdleTimeoutMinutes: 10}
            InitialCapacity:
              - Key: Driver
                Value: {WorkerCount: 1, WorkerConfiguration: {Cpu: 4vCPU, Memory: 16GB, Disk: 20GB}}
              - Key: Executor
                Value: {WorkerCount: 2, WorkerConfiguration: {Cpu: 16vCPU, Memory: 64GB, Disk: 20GB}}
            MaximumCapacity: {Cpu: 800vCPU, Memory: 3200GB}
            MonitoringConfiguration:
              CloudWatchLoggingConfiguration:
                Enabled: true
                LogGroupName: /loadstress/emr
                LogTypeMap: [{Key: SPARK_DRIVER, Value: [STDOUT, STDERR]}]
      Outputs:
        BucketName: {Value: !Ref Bucket}
        ClusterId: {Value: !Ref Warehouse}
        Secret: {Value: !GetAtt Warehouse.MasterPasswordSecretArn}
        Endpoint: {Value: !GetAtt Warehouse.Endpoint.Address}
        ApplicationId: {Value: !GetAtt Spark.ApplicationId}
      """;

  private static CloudFormationClient cfn;
  private static S3Client s3;
  private static RedshiftClient redshift;
  private static EmrServerlessClient emr;

  @BeforeAll
  static void clients() {
    cfn = AWS.fake().cloudFormation();
    s3 = AWS.fake().s3();
    redshift = AWS.fake().redshift();
    emr = AWS.fake().emrServerless();
  }

  @BeforeEach
  void fast() {
    AWS.fake().cfn().transitionDelay(Duration.ofMillis(40));
  }

  private Stack create(String name, String template) {
    cfn.createStack(r -> r.stackName(name).templateBody(template).tags(Tag.builder().key("env").value(name).build()));
    return awaitStatus(cfn, name, "CREATE_COMPLETE");
  }

  private static StackEvent lastEventOf(String stack, String logicalId) {
    return events(cfn, stack).stream().filter(e -> e.logicalResourceId().equals(logicalId)).findFirst().orElseThrow();
  }

  @Test
  void aStackCreatesItsResourcesInTheServiceFakesAndItsDeletionRemovesThem() {
    Stack stack = create("env-a", ENVIRONMENT);
    String bucket = output(stack, "BucketName");
    String clusterId = output(stack, "ClusterId");
    String appId = output(stack, "ApplicationId");

    assertThat(s3.headBucket(r -> r.bucket(bucket)).bucketRegion()).isEqualTo("us-west-2");
    Cluster cluster = redshift.describeClusters(r -> r.clusterIdentifier(clusterId)).clusters().get(0);
    assertThat(cluster.clusterStatus()).isEqualTo("available");
    assertThat(cluster.endpoint().address()).isEqualTo(output(stack, "Endpoint"));
    assertThat(cluster.dbName()).isEqualTo("loadstress");
    assertThat(cluster.masterPasswordSecretArn()).isEqualTo(output(stack, "Secret"))
        .contains(":secret:redshift!env-a-rs-admin-");
    assertThat(cluster.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("env=env-a",
        "component=redshift");
    Application app = emr.getApplication(r -> r.applicationId(appId)).application();
    assertThat(app.stateAsString()).isEqualTo("CREATED");
    assertThat(app.name()).isEqualTo("env-a-spark");
    assertThat(app.autoStopConfiguration().idleTimeoutMinutes()).isEqualTo(10);
    assertThat(app.initialCapacity().get("Executor").workerConfiguration().cpu()).isEqualTo("16vCPU");
    assertThat(app.monitoringConfiguration().cloudWatchLoggingConfiguration().logTypes())
        .containsEntry("SPARK_DRIVER", List.of("STDOUT", "STDERR"));

    cfn.deleteStack(r -> r.stackName("env-a"));
    awaitStatus(cfn, stack.stackId(), "DELETE_COMPLETE");

    assertThatThrownBy(() -> s3.headBucket(r -> r.bucket(bucket))).isInstanceOf(NoSuchBucketException.class);
    assertThatThrownBy(() -> redshift.describeClusters(r -> r.clusterIdentifier(clusterId)))
        .isInstanceOf(ClusterNotFoundException.class);
    assertThat(emr.getApplication(r -> r.applicationId(appId)).application().stateAsString()).isEqualTo("TERMINATED");
    assertThat(redshift.describeClusterSnapshots(r -> r.clusterIdentifier(clusterId)).snapshots())
        .singleElement().satisfies(s -> {
          assertThat(s.snapshotIdentifier()).startsWith("env-a-snapshot-warehouse-");
          assertThat(s.status()).isEqualTo("available");
        });
  }

  @Test
  void aBucketWithObjectsFailsTheDeletionUntilItIsEmptied() {
    Stack stack = create("env-b", ENVIRONMENT);
    String bucket = output(stack, "BucketName");
    s3.putObject(r -> r.bucket(bucket).key("orders/part-0.parquet"), RequestBody.fromString("rows"));

    cfn.deleteStack(r -> r.stackName("env-b"));
    Stack failed = awaitStatus(cfn, "env-b", "DELETE_FAILED");

    assertThat(failed.stackStatusReason()).isEqualTo("The following resource(s) failed to delete: [Bucket]. ");
    StackEvent bucketEvent = lastEventOf("env-b", "Bucket");
    assertThat(bucketEvent.resourceStatusAsString()).isEqualTo("DELETE_FAILED");
    assertThat(bucketEvent.resourceStatusReason()).startsWith("The bucket you tried to delete is not empty "
        + "(Service: Amazon S3; Status Code: 409; Error Code: BucketNotEmpty; Request ID: ");
    assertThat(AWS.fake().service(FakeS3.class).objects(bucket)).containsOnlyKeys("orders/part-0.parquet");
    assertThat(AWS.fake().service(FakeEmrServerless.class).applicationState(output(stack, "ApplicationId")))
        .contains("TERMINATED");

    s3.deleteObject(r -> r.bucket(bucket).key("orders/part-0.parquet"));
    cfn.deleteStack(r -> r.stackName("env-b"));
    awaitStatus(cfn, stack.stackId(), "DELETE_COMPLETE");
    assertThat(AWS.fake().service(FakeS3.class).bucketExists(bucket)).isFalse();
  }

  @Test
  void aPausedClusterFailsTheDeletionAsRedshiftRefusesIt() {
    Stack stack = create("env-c", ENVIRONMENT);
    String clusterId = output(stack, "ClusterId");
    FakeRedshift fake = AWS.fake().service(FakeRedshift.class).transitionDelay(Duration.ZERO);
    redshift.pauseCluster(r -> r.clusterIdentifier(clusterId));
    assertThat(fake.clusterStatus(clusterId)).contains("paused");

    cfn.deleteStack(r -> r.stackName("env-c"));
    awaitStatus(cfn, "env-c", "DELETE_FAILED");
    StackEvent event = lastEventOf("env-c", "Warehouse");
    assertThat(event.resourceStatusAsString()).isEqualTo("DELETE_FAILED");
    assertThat(event.resourceStatusReason()).startsWith("Resource handler returned message: \"There is an "
        + "operation running on the Cluster. Please try to delete it at a later time. (Service: Redshift, Status "
        + "Code: 400, Request ID: ");
    assertThat(lastEventOf("env-c", "Spark").resourceStatusAsString()).isEqualTo("DELETE_COMPLETE");

    redshift.resumeCluster(r -> r.clusterIdentifier(clusterId));
    cfn.deleteStack(r -> r.stackName("env-c"));
    awaitStatus(cfn, stack.stackId(), "DELETE_COMPLETE");
    assertThat(fake.clusterIds()).isEmpty();
    assertThat(fake.snapshots(clusterId)).hasSize(1);
  }

  @Test
  void retainKeepsTheBucketAndARecreatedStackCannotTakeItsName() {
    String retained = ENVIRONMENT.replace("DeletionPolicy: Delete", "DeletionPolicy: Retain");
    Stack stack = create("env-d", retained);
    String bucket = output(stack, "BucketName");
    AWS.fake().service(FakeS3.class).putObjectOutOfBand(bucket, "keep.json", "{}");

    cfn.deleteStack(r -> r.stackName("env-d"));
    awaitStatus(cfn, stack.stackId(), "DELETE_COMPLETE");
    assertThat(events(cfn, stack.stackId())).extracting(StackEvent::logicalResourceId,
        StackEvent::resourceStatusAsString).contains(tuple("Bucket", "DELETE_SKIPPED"));
    assertThat(AWS.fake().service(FakeS3.class).objectText(bucket, "keep.json")).contains("{}");

    cfn.createStack(r -> r.stackName("env-d").templateBody(retained));
    awaitStatus(cfn, "env-d", "ROLLBACK_COMPLETE");
    StackEvent failed = events(cfn, "env-d").stream().filter(e -> e.resourceStatusAsString().equals("CREATE_FAILED"))
        .findFirst().orElseThrow();
    assertThat(failed.logicalResourceId()).isEqualTo("Bucket");
    assertThat(failed.resourceStatusReason()).isEqualTo(bucket + " already exists");
    assertThat(AWS.fake().service(FakeS3.class).objectText(bucket, "keep.json")).contains("{}");
  }

  @Test
  void aRolledBackCreateDeletesWhatItHadCreated() {
    AWS.fake().cfn().failCreate("env-e", "Spark", "quota exceeded");
    cfn.createStack(r -> r.stackName("env-e").templateBody(ENVIRONMENT)
        .parameters(Parameter.builder().parameterKey("BucketPolicy").parameterValue("Delete").build()));
    awaitStatus(cfn, "env-e", "ROLLBACK_COMPLETE");

    assertThat(AWS.fake().service(FakeS3.class).buckets()).isEmpty();
    assertThat(AWS.fake().service(FakeRedshift.class).clusterIds()).isEmpty();
    assertThat(describe(cfn, "env-e").stackStatusReason()).isNull();
  }

  @Test
  void anApplicationWithARunningJobFailsTheDeletionUntilTheRunIsCancelled() {
    Stack stack = create("env-f", ENVIRONMENT);
    String appId = output(stack, "ApplicationId");
    AWS.fake().service(FakeEmrServerless.class).jobRunDuration(Duration.ofMinutes(30));
    String run = emr.startJobRun(r -> r.applicationId(appId).clientToken("gen-1")
        .executionRoleArn("arn:aws:iam::123456789012:role/job")).jobRunId();

    cfn.deleteStack(r -> r.stackName("env-f"));
    awaitStatus(cfn, "env-f", "DELETE_FAILED");
    assertThat(lastEventOf("env-f", "Spark").resourceStatusReason()).contains("job run(s) that are not complete");

    emr.cancelJobRun(r -> r.applicationId(appId).jobRunId(run));
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
        .until(() -> emr.getJobRun(r -> r.applicationId(appId).jobRunId(run)).jobRun().stateAsString(),
            "CANCELLED"::equals);
    cfn.deleteStack(r -> r.stackName("env-f"));
    awaitStatus(cfn, stack.stackId(), "DELETE_COMPLETE");
  }
}
