package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

/**
 * What environment to build. Only {@code mode} is required; every other value has a default that
 * depends on the mode, and each override is validated.
 */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "(has(self.provider) && self.provider == 'local') || has(self.aws)",
    message = "spec.aws.region is required when provider is aws (the default)")
@ValidationRule(
    value = "(has(self.provider) ? self.provider : 'aws') == (has(oldSelf.provider) ? oldSelf.provider : 'aws')",
    message = "spec.provider is immutable: delete and recreate the environment to move it between aws and local")
@ValidationRule(
    value = Defaults.CIDR_RULE,
    message = "vpc.cidr is immutable (an environment created without it uses 10.0.0.0/16): delete and recreate the environment to change it",
    fieldPath = ".vpc.cidr")
@ValidationRule(
    value = Defaults.CPU_RULE,
    message = "emr.maximumCapacity.cpu must cover the pre-initialized driver and executor vCPUs (defaults: maximum 800 vCPU,"
        + " driver 1 x 4 vCPU, executors 2 x 16 vCPU in subset mode and 20 x 16 vCPU in full mode)",
    fieldPath = ".emr")
@ValidationRule(
    value = Defaults.MEMORY_RULE,
    message = "emr.maximumCapacity.memoryGb must cover the pre-initialized driver and executor memory (defaults: maximum 3200 GB,"
        + " driver 1 x 16 GB, executors 2 x 64 GB in subset mode and 20 x 120 GB in full mode)",
    fieldPath = ".emr")
@ValidationRule(
    value = Defaults.MULTI_NODE_RULE,
    message = "redshift.nodes must be at least 2 for ra3.4xlarge and ra3.16xlarge (they have no single-node clusters,"
        + " and subset mode defaults to 1 node)",
    fieldPath = ".redshift")
public class LoadstressEnvironmentSpec {
  @Required
  @JsonPropertyDescription("subset: 1M records, single-node Redshift, 2 executors. full: 1B records, 2-node Redshift, 20 executors.")
  private Mode mode;

  @JsonPropertyDescription("aws (default) builds real AWS resources through CloudFormation; local runs everything on the operator's machine. Immutable.")
  private Provider provider;

  @JsonPropertyDescription("AWS region, account check, role and tags. Required for provider aws.")
  private AwsSpec aws;

  private VpcSpec vpc;

  private DataLakeSpec dataLake;

  private RedshiftSpec redshift;

  private EmrSpec emr;

  private MonitoringSpec monitoring;

  private DataGenerationSpec dataGeneration;

  @JsonPropertyDescription("Delete (default) removes everything on deletion; Retain keeps the data lake bucket and takes a final Redshift snapshot.")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription("true hibernates the environment: the Redshift cluster is paused and the EMR application stopped.")
  private Boolean suspend;

  @Pattern("^([0-9]+d)?([0-9]+h)?([0-9]+m)?$")
  @ValidationRule(value = "self != ''", message = "spec.ttl must not be empty: use a duration such as 72h or 7d, or leave it out")
  @ValidationRule(
      value = "self == '' || self.matches('[1-9]')",
      message = "spec.ttl must be longer than zero: use a duration such as 72h or 7d, or leave it out for no limit")
  @JsonPropertyDescription("Lifetime from creation, such as 8h or 7d; when it runs out the operator deletes the environment. No limit when absent.")
  private String ttl;
}
