package io.brighthive.loadstress.environment.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.api.environment.RedshiftSpec;
import io.brighthive.loadstress.environment.Names;
import io.brighthive.loadstress.environment.sizing.EnvironmentSizing;
import io.brighthive.loadstress.environment.sizing.TestEnvironments;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan the reconciler follows: order, parameter wiring, hashes, tags, names, and no secrets. */
class StackPlanTest {
  /** Types here that CloudFormation cannot tag; every other resource must carry the tags. */
  private static final Set<String> UNTAGGABLE = Set.of(
      "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::VPCGatewayAttachment",
      "AWS::S3::BucketPolicy", "AWS::SNS::TopicPolicy", "AWS::SNS::Subscription");

  @Test
  void stacksAreInDependencyOrderAndDeletedInReverse() {
    RenderedEnvironment env = Templates.subset();

    assertThat(env.creationOrder()).extracting(RenderedStack::component)
        .containsExactly(Component.VPC, Component.DATA_LAKE, Component.REDSHIFT, Component.EMR, Component.MONITORING);
    assertThat(env.deletionOrder()).extracting(RenderedStack::component)
        .containsExactly(Component.MONITORING, Component.EMR, Component.REDSHIFT, Component.DATA_LAKE, Component.VPC);
    assertThat(env.stack(Component.VPC).stackName()).isEqualTo("ls-loadstress-subset-45af27a6-vpc");
  }

  @Test
  void everyParameterComesFromAnEarlierStacksOutputAndNothingIsExported() {
    RenderedEnvironment env = Templates.full();

    for (RenderedStack stack : env.creationOrder()) {
      JsonNode declared = stack.template().path("Parameters");
      assertThat(declared.size()).isEqualTo(stack.parameters().size());
      for (StackParameter p : stack.parameters()) {
        assertThat(stack.component().dependencies()).contains(p.source().component());
        assertThat(env.stack(p.source().component()).template().path("Outputs").has(p.source().outputKey()))
            .as("%s output %s", p.source().component(), p.source().outputKey()).isTrue();
        assertThat(declared.path(p.name()).path("Type").asText()).isEqualTo(p.type());
      }
      String text = stack.templateBody();
      assertThat(text).doesNotContain("Fn::ImportValue").doesNotContain("\"Export\"");
    }
    assertThat(env.stack(Component.REDSHIFT).parameters()).extracting(StackParameter::type)
        .contains("List<AWS::EC2::Subnet::Id>", "AWS::EC2::VPC::Id");
  }

  @Test
  void parameterValuesAreReadFromEarlierOutputs() {
    RenderedEnvironment env = Templates.subset();
    Map<Component, Map<String, String>> outputs = new EnumMap<>(Component.class);
    outputs.put(Component.VPC, Map.of(StackOutputs.VPC_ID, "vpc-1", StackOutputs.VPC_CIDR, "10.0.0.0/16",
        StackOutputs.PRIVATE_SUBNET_IDS, "subnet-1,subnet-2"));

    assertThatThrownBy(() -> env.parameterValues(Component.REDSHIFT, outputs))
        .hasMessageContaining("needs output BucketArn of the datalake stack");
    outputs.put(Component.DATA_LAKE, Map.of(StackOutputs.BUCKET_ARN, "arn:aws:s3:::bucket"));
    assertThat(env.parameterValues(Component.REDSHIFT, outputs)).containsExactly(
        Map.entry("VpcId", "vpc-1"), Map.entry("VpcCidr", "10.0.0.0/16"),
        Map.entry("PrivateSubnetIds", "subnet-1,subnet-2"), Map.entry("DataBucketArn", "arn:aws:s3:::bucket"));
    assertThat(env.parameterValues(Component.VPC, outputs)).isEmpty();
  }

  @Test
  void contentHashIsStableAndFollowsTheTemplateAndTheValues() {
    RenderedStack first = Templates.subset().stack(Component.REDSHIFT);
    RenderedStack again = Templates.subset().stack(Component.REDSHIFT);
    RedshiftSpec bigger = new RedshiftSpec();
    bigger.setNodes(3);
    RenderedStack changed = Templates.render(TestEnvironments.environment(TestEnvironments.NAMESPACE, "subset", Mode.SUBSET,
        spec -> {
          spec.setTtl("3d");
          spec.setMonitoring(TestEnvironments.monitoring(List.of("oncall@example.com")));
          spec.setRedshift(bigger);
        })).stack(Component.REDSHIFT);

    assertThat(again.contentHash()).isEqualTo(first.contentHash()).matches("^[0-9a-f]{64}$");
    assertThat(changed.contentHash()).isNotEqualTo(first.contentHash());
    assertThat(first.contentHash(Map.of("VpcId", "vpc-1"))).isNotEqualTo(first.contentHash(Map.of("VpcId", "vpc-2")));
    assertThat(Templates.subset().stack(Component.VPC).contentHash())
        .isEqualTo(Templates.subset().stack(Component.VPC).contentHash());
  }

  @Test
  void everyTaggableResourceCarriesTheIdentityAndSpecTags() {
    RenderedEnvironment env = Templates.full();

    for (RenderedStack stack : env.creationOrder()) {
      assertThat(stack.tags()).containsEntry(Names.TAG_NAMESPACE, "loadstress").containsEntry(Names.TAG_NAME, "full")
          .containsEntry(Names.TAG_COMPONENT, stack.component().id()).containsEntry("team", "data-platform");
      stack.template().path("Resources").properties().forEach(entry -> {
        String type = entry.getValue().path("Type").asText();
        JsonNode tags = entry.getValue().path("Properties").path("Tags");
        if (UNTAGGABLE.contains(type)) {
          assertThat(tags.isMissingNode()).as(entry.getKey()).isTrue();
          return;
        }
        Map<String, String> found = new HashMap<>();
        tags.forEach(tag -> found.put(tag.path("Key").asText(), tag.path("Value").asText()));
        assertThat(found).as("tags of %s (%s)", entry.getKey(), type)
            .containsEntry(Names.TAG_NAMESPACE, "loadstress")
            .containsEntry(Names.TAG_NAME, "full")
            .containsEntry(Names.TAG_MANAGED_BY, Names.MANAGED_BY)
            .containsEntry("team", "data-platform")
            .containsEntry("cost-center", "loadstress");
      });
    }
  }

  @Test
  void noPasswordOrSecretValueIsAnywhere() {
    for (RenderedEnvironment env : List.of(Templates.subset(), Templates.full())) {
      String text = Templates.allText(env);
      assertThat(text).doesNotContain("MasterUserPassword").doesNotContain("NoEcho")
          .doesNotContain("resolve:secretsmanager").doesNotContain("resolve:ssm-secure").doesNotContain("SecretString");
      // The two allowed mentions: the switch that hands the password to Secrets Manager, and the
      // attribute that names (not reveals) the secret.
      String rest = text.replace("ManageMasterPassword", "").replace("MasterPasswordSecretArn", "");
      assertThat(rest.toLowerCase(Locale.ROOT)).doesNotContain("password");
      env.creationOrder().forEach(stack -> stack.parameters()
          .forEach(p -> assertThat(p.name().toLowerCase(Locale.ROOT)).doesNotContain("password").doesNotContain("secret")));
    }
  }

  @Test
  void longestKubernetesNamesRenderValidNames() {
    RenderedEnvironment env = Templates.render(
        TestEnvironments.environment(NamesTest.NAMESPACE_63, NamesTest.NAME_253, Mode.SUBSET, spec -> { }));

    assertThat(env.creationOrder()).allSatisfy(stack -> assertThat(stack.stackName()).hasSizeLessThanOrEqualTo(128));
    assertThat(Templates.properties(env, Component.REDSHIFT, "Cluster").path("ClusterIdentifier").asText())
        .hasSizeLessThanOrEqualTo(63);
    assertThat(Templates.properties(env, Component.EMR, EmrStack.APPLICATION).path("Name").asText())
        .hasSizeLessThanOrEqualTo(64);
    assertThat(Templates.properties(env, Component.EMR, "EmrJobRole").path("RoleName").asText())
        .hasSizeLessThanOrEqualTo(64);
    Map<String, String> tags = env.stack(Component.VPC).tags();
    assertThat(tags.get(Names.TAG_NAME)).isEqualTo(NamesTest.NAME_253);
    tags.values().forEach(value -> assertThat(value).hasSizeLessThanOrEqualTo(256));
  }

  @Test
  void templatesFitTheTemplateBodyLimit() {
    for (RenderedEnvironment env : List.of(Templates.subset(), Templates.full())) {
      env.creationOrder().forEach(stack -> assertThat(stack.templateBody().getBytes(StandardCharsets.UTF_8).length)
          .as(stack.stackName()).isLessThan(51_200));
    }
  }

  @Test
  void localEnvironmentsHaveNoStacks() {
    var local = EnvironmentSizing.resolve(TestEnvironments.environment("default", "local", Mode.SUBSET, spec -> {
      spec.setProvider(Provider.LOCAL);
      spec.setAws(null);
    }));

    assertThatThrownBy(() -> EnvironmentRenderer.render(local)).hasMessageContaining("only aws environments have stacks");
  }
}
