package io.brighthive.loadstress.environment.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.api.environment.DataLakeSpec;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.VpcSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The VPC and DataLake stacks. */
class NetworkAndStorageTemplatesTest {

  @Test
  void vpcHasThePublicAndPrivateSubnetsOfTheLayout() {
    RenderedEnvironment env = Templates.subset();
    JsonNode vpc = Templates.template(env, Component.VPC);

    assertThat(Templates.properties(env, Component.VPC, "Vpc").path("CidrBlock").asText()).isEqualTo("10.0.0.0/16");
    assertThat(Templates.properties(env, Component.VPC, "Vpc").path("EnableDnsSupport").asBoolean()).isTrue();
    assertThat(cidrs(vpc, "PrivateSubnet")).containsExactly("10.0.0.0/24", "10.0.1.0/24");
    assertThat(cidrs(vpc, "PublicSubnet")).containsExactly("10.0.2.0/28", "10.0.2.16/28");
    assertThat(Templates.resourcesOfType(vpc, "AWS::EC2::NatGateway")).hasSize(1);
    assertThat(Templates.resourcesOfType(vpc, "AWS::EC2::EIP")).hasSize(1);
    assertThat(Templates.resourcesOfType(vpc, "AWS::EC2::InternetGateway")).hasSize(1);
    JsonNode flowLog = Templates.properties(env, Component.VPC, "FlowLog");
    assertThat(flowLog.path("TrafficType").asText()).isEqualTo("ALL");
    assertThat(flowLog.path("LogDestinationType").asText()).isEqualTo("cloud-watch-logs");
    assertThat(Templates.properties(env, Component.VPC, "FlowLogGroup").path("RetentionInDays").asInt()).isEqualTo(7);
  }

  @Test
  void privateZonesRouteThroughTheirOwnNatOrTheFirst() {
    VpcSpec vpc = new VpcSpec();
    vpc.setMaxAzs(3);
    vpc.setNatGateways(2);
    RenderedEnvironment env = Templates.render(Mode.SUBSET, spec -> spec.setVpc(vpc));

    assertThat(natOf(env, 1)).isEqualTo("NatGateway1");
    assertThat(natOf(env, 2)).isEqualTo("NatGateway2");
    assertThat(natOf(env, 3)).isEqualTo("NatGateway1");
  }

  @Test
  void withoutNatGatewaysPrivateSubnetsHaveNoDefaultRoute() {
    VpcSpec vpc = new VpcSpec();
    vpc.setNatGateways(0);
    JsonNode template = Templates.template(Templates.render(Mode.SUBSET, spec -> spec.setVpc(vpc)), Component.VPC);

    assertThat(Templates.resourcesOfType(template, "AWS::EC2::NatGateway")).isEmpty();
    assertThat(template.path("Resources").has("PrivateDefaultRoute1")).isFalse();
    assertThat(template.path("Resources").has("S3GatewayEndpoint")).isTrue();
  }

  @Test
  void bucketIsEncryptedPrivateAndTlsOnly() {
    RenderedEnvironment env = Templates.subset();
    JsonNode bucket = Templates.properties(env, Component.DATA_LAKE, "DataBucket");

    assertThat(bucket.path("BucketEncryption").path("ServerSideEncryptionConfiguration").get(0)
        .path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText()).isEqualTo("AES256");
    JsonNode block = bucket.path("PublicAccessBlockConfiguration");
    for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
      assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
    }
    JsonNode statement = Templates.properties(env, Component.DATA_LAKE, "DataBucketPolicy")
        .path("PolicyDocument").path("Statement").get(0);
    assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
    assertThat(statement.path("Principal").asText()).isEqualTo("*");
    assertThat(statement.path("Action").asText()).isEqualTo("s3:*");
    assertThat(statement.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
    assertThat(statement.path("Resource")).hasSize(2);
    assertThat(bucket.path("BucketName").path("Fn::Sub").asText())
        .isEqualTo(env.names().bucketNameTemplate("us-west-2"));
  }

  @Test
  void lifecycleTiersExpiresAndAbortsStaleUploads() {
    DataLakeSpec lake = new DataLakeSpec();
    lake.setRetentionDays(30);
    lake.setTieringAfterDays(3);
    JsonNode rules = Templates.properties(Templates.render(Mode.SUBSET, spec -> spec.setDataLake(lake)),
        Component.DATA_LAKE, "DataBucket").path("LifecycleConfiguration").path("Rules");

    assertThat(rules.get(0).path("Transitions").get(0).path("StorageClass").asText()).isEqualTo("INTELLIGENT_TIERING");
    assertThat(rules.get(0).path("Transitions").get(0).path("TransitionInDays").asInt()).isEqualTo(3);
    assertThat(rules.get(1).path("ExpirationInDays").asInt()).isEqualTo(30);
    assertThat(rules.get(2).path("AbortIncompleteMultipartUpload").path("DaysAfterInitiation").asInt()).isEqualTo(1);
    rules.forEach(rule -> assertThat(rule.path("Status").asText()).isEqualTo("Enabled"));
  }

  @Test
  void defaultLifecycleTiersAtOnceAndExpiresAfterNinetyDays() {
    JsonNode rules = Templates.properties(Templates.subset(), Component.DATA_LAKE, "DataBucket")
        .path("LifecycleConfiguration").path("Rules");

    assertThat(rules.get(0).path("Transitions").get(0).path("TransitionInDays").asInt()).isZero();
    assertThat(rules.get(1).path("ExpirationInDays").asInt()).isEqualTo(90);
  }

  private static List<String> cidrs(JsonNode template, String prefix) {
    List<String> cidrs = new ArrayList<>();
    template.path("Resources").properties().forEach(entry -> {
      if (entry.getKey().startsWith(prefix) && entry.getValue().path("Type").asText().equals("AWS::EC2::Subnet")) {
        cidrs.add(entry.getValue().path("Properties").path("CidrBlock").asText());
      }
    });
    return cidrs;
  }

  private static String natOf(RenderedEnvironment env, int zone) {
    return Templates.properties(env, Component.VPC, "PrivateDefaultRoute" + zone).path("NatGatewayId").path("Ref").asText();
  }
}
