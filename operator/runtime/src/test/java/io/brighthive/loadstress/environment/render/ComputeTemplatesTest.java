package io.brighthive.loadstress.environment.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.EmrWorkerSizes;
import io.brighthive.loadstress.api.environment.Mode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Redshift and EMR stacks: sizes, hardening, and the WLM configuration. */
class ComputeTemplatesTest {

  @Test
  void subsetClusterIsSingleNodeWithOneNode() {
    JsonNode cluster = Templates.properties(Templates.subset(), Component.REDSHIFT, "Cluster");

    assertThat(cluster.path("ClusterType").asText()).isEqualTo("single-node");
    // A single-node cluster is one node; CreateCluster takes no NumberOfNodes for it.
    assertThat(cluster.has("NumberOfNodes")).isFalse();
    assertThat(cluster.path("NodeType").asText()).isEqualTo("ra3.xlplus");
  }

  @Test
  void fullClusterIsMultiNodeWithTwoNodes() {
    JsonNode cluster = Templates.properties(Templates.full(), Component.REDSHIFT, "Cluster");

    assertThat(cluster.path("ClusterType").asText()).isEqualTo("multi-node");
    assertThat(cluster.path("NumberOfNodes").asInt()).isEqualTo(2);
  }

  @Test
  void clusterIsPrivateEncryptedAuditedAndHasNoPassword() {
    RenderedEnvironment env = Templates.subset();
    JsonNode cluster = Templates.properties(env, Component.REDSHIFT, "Cluster");

    assertThat(cluster.path("PubliclyAccessible").asBoolean(true)).isFalse();
    assertThat(cluster.path("Encrypted").asBoolean()).isTrue();
    assertThat(cluster.path("EnhancedVpcRouting").asBoolean()).isTrue();
    assertThat(cluster.path("ManageMasterPassword").asBoolean()).isTrue();
    assertThat(cluster.has("MasterUserPassword")).isFalse();
    assertThat(cluster.path("AutomatedSnapshotRetentionPeriod").asInt()).isEqualTo(1);
    assertThat(cluster.path("DBName").asText()).isEqualTo("loadstress");
    assertThat(cluster.path("MasterUsername").asText()).isEqualTo("loadstress_admin");
    assertThat(cluster.path("LoggingProperties").path("LogDestinationType").asText()).isEqualTo("cloudwatch");
    assertThat(cluster.path("LoggingProperties").path("LogExports").toString())
        .isEqualTo("[\"connectionlog\",\"userlog\",\"useractivitylog\"]");
    assertThat(cluster.path("IamRoles").get(0).path("Fn::GetAtt").get(0).asText()).isEqualTo("CopyRole");
    JsonNode ingress = Templates.properties(env, Component.REDSHIFT, "RedshiftSecurityGroup").path("SecurityGroupIngress");
    assertThat(ingress).hasSize(1);
    assertThat(ingress.get(0).path("FromPort").asInt()).isEqualTo(5439);
    assertThat(ingress.get(0).path("CidrIp").path("Ref").asText()).isEqualTo("VpcCidr");
    assertThat(Templates.resource(env, Component.REDSHIFT, "AuditLogGroupUseractivitylog")
        .path("Properties").path("LogGroupName").asText())
        .isEqualTo("/aws/redshift/cluster/" + env.names().redshiftClusterId() + "/useractivitylog");
  }

  @Test
  void parameterGroupRequiresSslAndLogsUserActivity() {
    JsonNode parameters = Templates.properties(Templates.subset(), Component.REDSHIFT, "ClusterParameterGroup");

    assertThat(parameters.path("ParameterGroupFamily").asText()).isEqualTo("redshift-1.0");
    List<String> pairs = new ArrayList<>();
    parameters.path("Parameters").forEach(p -> pairs.add(p.path("ParameterName").asText() + "=" + p.path("ParameterValue").asText()));
    assertThat(pairs).contains("require_ssl=true", "enable_user_activity_logging=true");
  }

  @Test
  void wlmHasThreeQueuesWithRulesAttachedAndTheShortQueueAsDefault() throws Exception {
    JsonNode queues = new ObjectMapper().readTree(WlmConfiguration.json());

    assertThat(queues).hasSize(3);
    int memory = 0;
    Set<String> ruleNames = new HashSet<>();
    for (JsonNode queue : queues) {
      memory += queue.path("memory_percent_to_use").asInt();
      assertThat(queue.path("queue_type").asText()).isEqualTo("manual");
      List<String> metrics = new ArrayList<>();
      for (JsonNode rule : queue.path("rules")) {
        assertThat(rule.path("rule_name").asText()).matches("^[A-Za-z0-9_]{1,32}$");
        assertThat(ruleNames.add(rule.path("rule_name").asText())).isTrue();
        metrics.add(rule.path("predicate").get(0).path("metric_name").asText() + ">"
            + rule.path("predicate").get(0).path("value").asInt() + ":" + rule.path("action").asText());
      }
      assertThat(metrics).contains("query_cpu_time>100:log", "query_temp_blocks_to_disk>0:log");
    }
    assertThat(memory).isEqualTo(100);
    assertThat(ruleNames).hasSizeLessThanOrEqualTo(25);
    assertThat(queues.get(0).path("query_group").toString()).isEqualTo("[\"etl\"]");
    assertThat(queues.get(0).path("query_concurrency").asInt()).isEqualTo(3);
    assertThat(queues.get(1).path("query_group").toString()).isEqualTo("[\"analytics\"]");
    assertThat(queues.get(1).path("query_concurrency").asInt()).isEqualTo(5);
    JsonNode shortQueue = queues.get(2);
    assertThat(shortQueue.path("query_group")).isEmpty();
    assertThat(shortQueue.path("user_group")).isEmpty();
    assertThat(shortQueue.path("query_concurrency").asInt()).isEqualTo(10);
    assertThat(shortQueue.path("rules").get(0).path("predicate").get(0).path("value").asInt()).isEqualTo(60);
    assertThat(queues.get(0).path("rules").get(0).path("action").asText()).isEqualTo("abort");
    assertThat(queues.get(0).path("rules").get(0).path("predicate").get(0).path("value").asInt()).isEqualTo(300);
  }

  @Test
  void retainKeepsTheBucketAndSnapshotsTheCluster() {
    RenderedEnvironment full = Templates.full();
    assertThat(Templates.resource(full, Component.DATA_LAKE, "DataBucket").path("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(Templates.resource(full, Component.REDSHIFT, "Cluster").path("DeletionPolicy").asText()).isEqualTo("Snapshot");

    RenderedEnvironment subset = Templates.render(Mode.SUBSET, spec -> spec.setDeletionPolicy(DeletionPolicy.Delete));
    assertThat(Templates.resource(subset, Component.DATA_LAKE, "DataBucket").path("DeletionPolicy").asText()).isEqualTo("Delete");
    assertThat(Templates.resource(subset, Component.REDSHIFT, "Cluster").path("DeletionPolicy").asText()).isEqualTo("Delete");
  }

  @Test
  void subsetHasTwoExecutorsAndFullTwentyAtSupportedSizes() {
    assertExecutors(Templates.subset(), 2, "16vCPU", "64GB");
    assertExecutors(Templates.full(), 20, "16vCPU", "120GB");
  }

  @Test
  void applicationRunsInThePrivateSubnetsWithLogsAutoStartAndAutoStop() {
    JsonNode app = Templates.properties(Templates.subset(), Component.EMR, EmrStack.APPLICATION);

    assertThat(app.path("Type").asText()).isEqualTo("SPARK");
    assertThat(app.path("ReleaseLabel").asText()).isEqualTo("emr-7.5.0");
    assertThat(app.path("NetworkConfiguration").path("SubnetIds").path("Ref").asText()).isEqualTo("PrivateSubnetIds");
    assertThat(app.path("NetworkConfiguration").path("SecurityGroupIds")).hasSize(1);
    JsonNode logging = app.path("MonitoringConfiguration").path("CloudWatchLoggingConfiguration");
    assertThat(logging.path("Enabled").asBoolean()).isTrue();
    assertThat(logging.path("LogGroupName").path("Ref").asText()).isEqualTo("EmrLogGroup");
    assertThat(app.path("AutoStartConfiguration").path("Enabled").asBoolean()).isTrue();
    assertThat(app.path("AutoStopConfiguration").path("IdleTimeoutMinutes").asInt()).isEqualTo(15);
    assertThat(app.path("MaximumCapacity").path("Cpu").asText()).isEqualTo("800vCPU");
    assertThat(app.path("MaximumCapacity").path("Memory").asText()).isEqualTo("3200GB");
    JsonNode driver = app.path("InitialCapacity").get(0);
    assertThat(driver.path("Key").asText()).isEqualTo("Driver");
    assertThat(driver.path("Value").path("WorkerCount").asInt()).isEqualTo(1);
    assertThat(driver.path("Value").path("WorkerConfiguration").path("Cpu").asText()).isEqualTo("4vCPU");
    assertThat(driver.path("Value").path("WorkerConfiguration").path("Memory").asText()).isEqualTo("16GB");
  }

  @Test
  void jobRoleIsScopedToTheBucketTheCatalogAndItsLogGroup() {
    JsonNode role = Templates.properties(Templates.subset(), Component.EMR, "EmrJobRole");
    String policy = role.path("Policies").get(0).path("PolicyDocument").toString();

    assertThat(role.path("AssumeRolePolicyDocument").toString()).contains("emr-serverless.amazonaws.com");
    assertThat(policy).doesNotContain("\"Resource\":[\"*\"]").doesNotContain("s3:*").doesNotContain("glue:*");
    assertThat(policy).contains("{\"Ref\":\"DataBucketArn\"}")
        .contains("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:catalog")
        .contains("{\"Fn::GetAtt\":[\"EmrLogGroup\",\"Arn\"]}");
  }

  private static void assertExecutors(RenderedEnvironment env, int count, String cpu, String memory) {
    JsonNode executor = Templates.properties(env, Component.EMR, EmrStack.APPLICATION).path("InitialCapacity").get(1);
    JsonNode worker = executor.path("Value").path("WorkerConfiguration");

    assertThat(executor.path("Key").asText()).isEqualTo("Executor");
    assertThat(executor.path("Value").path("WorkerCount").asInt()).isEqualTo(count);
    assertThat(worker.path("Cpu").asText()).isEqualTo(cpu);
    assertThat(worker.path("Memory").asText()).isEqualTo(memory);
    int vcpu = Integer.parseInt(cpu.replace("vCPU", ""));
    int gb = Integer.parseInt(memory.replace("GB", ""));
    assertThat(EmrWorkerSizes.isSupported(vcpu, gb)).as("%s / %s is an EMR Serverless size", cpu, memory).isTrue();
  }
}
