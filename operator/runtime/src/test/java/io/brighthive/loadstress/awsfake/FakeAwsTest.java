package io.brighthive.loadstress.awsfake;

import static io.brighthive.loadstress.awsfake.CfnTestTemplates.LAKE;
import static io.brighthive.loadstress.awsfake.CfnTestTemplates.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighthive.loadstress.awsfake.cloudformation.FakeCloudFormation;
import io.brighthive.loadstress.awsfake.sts.FakeSts;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/** The router, the client helpers, reset and thread safety. */
class FakeAwsTest {

  @RegisterExtension
  static final FakeAwsExtension AWS = new FakeAwsExtension();

  private FakeAws aws;
  private CloudFormationClient cfn;

  @BeforeEach
  void clients() {
    aws = AWS.fake();
    cfn = aws.cloudFormation();
    aws.cfn().transitionDelay(Duration.ofMillis(50));
  }

  @Test
  void endpointIsLoopbackAndServicesAreRegistered() {
    assertThat(aws.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(aws.service(FakeCloudFormation.class)).isSameAs(aws.cfn());
    assertThat(aws.cfn().apiVersion()).isEqualTo("2010-05-15");
  }

  @Test
  void anOperationTheFakeLacksIsInvalidAction() {
    assertThatThrownBy(() -> cfn.listStackSets()).isInstanceOfSatisfying(AwsServiceException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
      assertThat(e.awsErrorDetails().errorMessage()).contains("ListStackSets");
    });
    assertThat(aws.cfn().calls("ListStackSets")).isEqualTo(1);
  }

  @Test
  void aQueryServiceWithoutAFakeIsInvalidAction() throws Exception {
    HttpResponse<String> response = raw(HttpRequest.newBuilder(aws.endpoint())
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("Authorization", signedFor("elasticache"))
        .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeCacheClusters&Version=2015-02-02")));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidAction</Code>")
        .contains("Could not find operation DescribeCacheClusters for version 2015-02-02");
  }

  @Test
  void aRestServiceWithoutAFakeIsUnknownOperation() throws Exception {
    HttpResponse<String> response = raw(HttpRequest.newBuilder(aws.endpoint().resolve("/2015-03-31/functions/"))
        .header("Content-Type", "application/json").header("Authorization", signedFor("lambda")).GET());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
    assertThat(aws.services()).allSatisfy(service -> assertThat(service.totalCalls()).isZero());
  }

  private static String signedFor(String service) {
    return "AWS4-HMAC-SHA256 Credential=test/20260101/us-west-2/" + service
        + "/aws4_request, SignedHeaders=host, Signature=0";
  }

  private static HttpResponse<String> raw(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void stsAnswersCallerIdentityAndAssumeRole() {
    var sts = aws.sts();
    assertThat(sts.getCallerIdentity().account()).isEqualTo(FakeAws.ACCOUNT_ID);
    String role = "arn:aws:iam::123456789012:role/loadstress-operator";
    var assumed = sts.assumeRole(r -> r.roleArn(role).roleSessionName("operator"));
    assertThat(assumed.assumedRoleUser().arn())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/loadstress-operator/operator");
    assertThat(assumed.credentials().expiration()).isAfter(aws.clock().instant());

    aws.service(FakeSts.class).denyAssumeRole(role);
    assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("operator")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("not-an-arn").roleSessionName("operator")))
        .hasMessageContaining("roleArn");
  }

  @Test
  void resetForgetsStacksSwitchesAndCounters() {
    cfn.createStack(r -> r.stackName("before-reset").templateBody(LAKE));
    aws.cfn().throttle("DescribeStacks", 100);
    aws.cfn().failCreate(".*", null, null);
    aws.clock().freeze();

    aws.reset();

    assertThat(aws.clock().isFrozen()).isFalse();
    assertThat(aws.cfn().totalCalls()).isZero();
    assertThat(cfn.describeStacks().stacks()).isEmpty();
    cfn.createStack(r -> r.stackName("after-reset").templateBody(LAKE));
    awaitStatus(cfn, "after-reset", "CREATE_COMPLETE");
    assertThat(aws.cfn().callsByOperation()).containsOnlyKeys("CreateStack", "DescribeStacks");
  }

  @Test
  void concurrentClientsEachGetTheirOwnStack() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String name = "parallel-" + i;
        ids.add(pool.submit(() -> {
          String id = cfn.createStack(r -> r.stackName(name).templateBody(LAKE).clientRequestToken("t-" + name))
              .stackId();
          cfn.createStack(r -> r.stackName(name).templateBody(LAKE).clientRequestToken("t-" + name));
          cfn.describeStackEvents(r -> r.stackName(name));
          return id;
        }));
      }
      for (Future<String> id : ids) {
        assertThat(id.get()).contains(":stack/parallel-");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(aws.cfn().stackNames()).hasSize(24);
    assertThat(aws.cfn().calls("CreateStack")).isEqualTo(48);
    assertThat(aws.cfn().writeCalls()).isEqualTo(48);
    assertThat(aws.cfn().totalCalls()).isEqualTo(72);
    for (int i = 0; i < 24; i++) {
      awaitStatus(cfn, "parallel-" + i, "CREATE_COMPLETE");
    }
  }
}
