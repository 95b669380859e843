package io.brighthive.loadstress.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.environment.Names;
import io.brighthive.loadstress.environment.render.EnvironmentRenderer;
import io.brighthive.loadstress.environment.render.RenderedStack;
import io.brighthive.loadstress.environment.sizing.TestEnvironments;
import io.brighthive.loadstress.shipping.IamPolicy.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The IAM policies in the chart's docs allow every AWS operation the code calls, on the resources
 * the operator names, and stay within what IAM accepts and what we promise (scoped, no service-wide
 * wildcard, every resource type the stacks create is known to CreateStack's condition).
 */
class IamPolicyCoverageTest {
  private static final String ACCOUNT = "123456789012";
  private static final String REGION = "us-west-2";
  private static final Names NAMES = Names.of("team-a", "subset");
  private final IamPolicy policy = IamPolicy.load();

  /**
   * A resource the operator really addresses, for each action it calls: named by the operator's
   * own Names helper, so the name-prefix scoping of the policy is checked against real names.
   */
  private static final Map<String, String> SAMPLE_RESOURCES = Map.ofEntries(
      Map.entry("cloudformation:ListStacks", "*"),
      Map.entry("cloudformation:*", "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + NAMES.stackName("vpc")
          + "/2f0c7e30-1d2b-11ef-9c59-0a1b2c3d4e5f"),
      Map.entry("s3:ListBucket", "arn:aws:s3:::" + NAMES.bucketName(ACCOUNT, REGION)),
      Map.entry("s3:*", "arn:aws:s3:::" + NAMES.bucketName(ACCOUNT, REGION) + "/orders/part-00000.parquet"),
      Map.entry("redshift:*", "arn:aws:redshift:" + REGION + ":" + ACCOUNT + ":cluster:" + NAMES.redshiftClusterId()),
      Map.entry("emr-serverless:GetJobRun", "arn:aws:emr-serverless:" + REGION + ":" + ACCOUNT + ":/applications/00fkd1v2m3n4o5p6/jobruns/00fkd9a8b7c6d5e4"),
      Map.entry("emr-serverless:CancelJobRun", "arn:aws:emr-serverless:" + REGION + ":" + ACCOUNT + ":/applications/00fkd1v2m3n4o5p6/jobruns/00fkd9a8b7c6d5e4"),
      Map.entry("emr-serverless:*", "arn:aws:emr-serverless:" + REGION + ":" + ACCOUNT + ":/applications/00fkd1v2m3n4o5p6"),
      Map.entry("iam:PassRole", "arn:aws:iam::" + ACCOUNT + ":role/" + NAMES.roleName("emr-job", REGION)),
      // spec.aws.roleArn: docs/aws-iam.md asks for target roles named loadstress-*.
      Map.entry("sts:AssumeRole", "arn:aws:iam::210987654321:role/loadstress-operator-target"));

  @Test
  void theCodeCallsAwsAndTheScanFindsIt() {
    assertThat(AwsOperations.actionsInCode())
        .as("the scan of %s finds the gateways' SDK calls", AwsOperations.AWS_PACKAGE)
        .contains("cloudformation:CreateStack", "cloudformation:DescribeStacks", "s3:ListBucket", "redshift:PauseCluster", "sts:AssumeRole");
  }

  /** Actions AWS allows to every caller: "No permissions are required to perform this operation" (STS API reference). */
  private static final java.util.Set<String> NEEDS_NO_PERMISSION = java.util.Set.of("sts:GetCallerIdentity");

  @Test
  void everyAwsOperationTheCodeCallsIsAllowed() {
    List<String> missing = new ArrayList<>();
    for (String action : AwsOperations.actionsInCode()) {
      if (NEEDS_NO_PERMISSION.contains(action)) {
        continue;
      }
      String resource = sample(action);
      if (!policy.allowsDirectCall(action, resource, ACCOUNT)) {
        missing.add(action + " on " + resource);
      }
    }
    assertThat(missing).as("operations the code calls that helm/loadstress-operator/docs/iam-policy-*.json does not allow").isEmpty();
  }

  @Test
  void anOperationOutsideTheOperatorsOwnResourcesIsNotAllowed() {
    assertThat(policy.allowsDirectCall("cloudformation:DeleteStack",
        "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/production-network/1", ACCOUNT)).isFalse();
    assertThat(policy.allowsDirectCall("s3:DeleteObject", "arn:aws:s3:::company-data-lake/x", ACCOUNT)).isFalse();
    assertThat(policy.allowsDirectCall("redshift:PauseCluster",
        "arn:aws:redshift:" + REGION + ":" + ACCOUNT + ":cluster:analytics-prod", ACCOUNT)).isFalse();
    assertThat(policy.allowsDirectCall("ec2:DeleteVpc", "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":vpc/vpc-0abc", ACCOUNT))
        .as("stack resources change only through CloudFormation").isFalse();
    assertThat(policy.allowsDirectCall("iam:CreateRole", "arn:aws:iam::" + ACCOUNT + ":role/ls-x", ACCOUNT)).isFalse();
  }

  @Test
  void createStackIsLimitedToTheResourceTypesTheStacksUse() {
    Set<String> rendered = new TreeSet<>();
    Stream.of(TestEnvironments.subset(), TestEnvironments.full()).forEach(env -> {
      for (RenderedStack stack : EnvironmentRenderer.render(env).stacks()) {
        stack.template().path("Resources").forEach(r -> rendered.add(r.path("Type").asText()));
      }
    });
    Statement create = policy.statements().stream().filter(s -> s.actions().contains("cloudformation:CreateStack")).findFirst().orElseThrow();
    JsonNode allowed = create.condition().path("ForAllValues:StringEquals").path("cloudformation:ResourceTypes");
    Set<String> types = new TreeSet<>();
    allowed.forEach(t -> types.add(t.asText()));
    assertThat(types)
        .as("a resource type the templates now use: grant the permissions its CloudFormation handler lists (see docs/aws-iam.md)"
            + " and add it to cloudformation:ResourceTypes")
        .containsAll(rendered);
    assertThat(rendered).as("resource types in the condition that no template uses any more").containsAll(types);
  }

  @Test
  void eachPolicyFitsAManagedPolicyAndNoneGrantsAServiceWholesale() {
    assertThat(policy.files()).hasSizeGreaterThanOrEqualTo(1);
    for (Path file : policy.files()) {
      assertThat(IamPolicy.sizeWithoutWhiteSpace(file)).as("%s without white space", file.getFileName())
          .isLessThanOrEqualTo(IamPolicy.MANAGED_POLICY_MAX);
    }
    Set<String> sids = new TreeSet<>();
    for (Statement s : policy.statements()) {
      assertThat(sids.add(s.sid())).as("Sid %s is unique", s.sid()).isTrue();
      for (String action : s.actions()) {
        assertThat(action).as("%s in %s", action, s.sid()).matches("[a-z0-9-]+:[A-Za-z0-9]+\\*?").doesNotEndWith(":*");
      }
      boolean anyResource = s.resources().contains("*");
      boolean readOnly = s.actions().stream().allMatch(a -> a.matches("[a-z0-9-]+:(Describe|List|Get)\\w*\\*?"));
      if (s.allow() && anyResource && !readOnly) {
        assertThat(s.condition()).as("%s writes on any resource, so it must be conditioned", s.sid()).isNotNull();
      }
    }
  }

  private static String sample(String action) {
    String exact = SAMPLE_RESOURCES.get(action);
    if (exact != null) {
      return exact;
    }
    String service = SAMPLE_RESOURCES.get(IamPolicy.service(action) + ":*");
    if (service == null) {
      throw new AssertionError("no sample resource for " + action + ": add one to SAMPLE_RESOURCES, named as the operator names it");
    }
    return service;
  }
}
