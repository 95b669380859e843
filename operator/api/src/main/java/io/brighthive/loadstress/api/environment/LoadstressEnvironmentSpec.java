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
  @JsonPropertyDescription("Lifetime from creation, such as 8h or 7d; when it runs out the operator deletes the environment. No limit when absent.")
  private String ttl;
}
