package io.brighthive.loadstress.environment.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.CapacitySpec;
import io.brighthive.loadstress.api.environment.DataGenerationSpec;
import io.brighthive.loadstress.api.environment.DataLakeSpec;
import io.brighthive.loadstress.api.environment.Dataset;
import io.brighthive.loadstress.api.environment.EmrSpec;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentSpec;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.MonitoringSpec;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.api.environment.RedshiftNodeType;
import io.brighthive.loadstress.api.environment.RedshiftSpec;
import io.brighthive.loadstress.api.environment.VpcSpec;
import io.brighthive.loadstress.api.environment.WorkerSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EnvironmentSpecValidatorTest {

  @Test
  void examplesAreValid() {
    assertThat(EnvironmentSpecValidator.validate(TestEnvironments.subset())).isEmpty();
    assertThat(EnvironmentSpecValidator.validate(TestEnvironments.full())).isEmpty();
  }

  @Test
  void cidrMustBeANetworkAddress() {
    assertThat(problems(spec -> spec.setVpc(vpc("10.0.0.1/16", 2, 1))))
        .singleElement().asString()
        .startsWith("spec.vpc.cidr:")
        .contains("10.0.0.1/16 is not a network address");
  }

  @Test
  void subnetsMustFitInTheCidr() {
    assertThat(problems(spec -> spec.setVpc(vpc("10.0.0.0/23", 2, 1))))
        .anySatisfy(p -> assertThat(p).contains("too small for 2 zones"))
        .anySatisfy(p -> assertThat(p).contains("prefix length: must be between 16 and 22"));
    assertThat(problems(spec -> spec.setVpc(vpc("10.0.4.0/22", 3, 1)))).isEmpty();
  }

  @Test
  void natGatewaysCannotExceedZones() {
    assertThat(problems(spec -> spec.setVpc(vpc(null, 1, 2))))
        .singleElement().asString().contains("natGateways: cannot exceed vpc.maxAzs");
  }

  @Test
  void unsupportedWorkerSizesAreRejectedWithTheSupportedTable() {
    assertThat(problems(spec -> spec.setEmr(emr(new WorkerSpec(32, 128, null, 20), null))))
        .singleElement().asString()
        .startsWith("spec.emr.executor: 32 vCPU / 128 GB: EMR Serverless does not support this worker size")
        .contains("32-120 in steps of 8 (16 vCPU)");
    assertThat(problems(spec -> spec.setEmr(emr(new WorkerSpec(16, 100, null, 2), null))))
        .singleElement().asString().contains("16 vCPU / 100 GB");
    assertThat(problems(spec -> spec.setEmr(emr(new WorkerSpec(4, 16, 500, 2), null))))
        .singleElement().asString().contains("spec.emr.executor.diskGb: must be between 20 and 200");
  }

  @Test
  void maximumCapacityMustCoverTheInitialCapacity() {
    assertThat(problems(Mode.FULL, spec -> spec.setEmr(emr(null, new CapacitySpec(300, 3200, null)))))
        .singleElement().asString()
        .isEqualTo("spec.emr.maximumCapacity.cpu: must cover the pre-initialized driver and executor vCPUs: 300 < 324");
    assertThat(problems(Mode.FULL, spec -> spec.setEmr(emr(null, new CapacitySpec(800, 2000, 400)))))
        .anySatisfy(p -> assertThat(p).contains("memoryGb: must cover").contains("2000 GB < 2416 GB"))
        .anySatisfy(p -> assertThat(p).contains("diskGb: must cover").contains("400 GB < 420 GB"));
  }

  @Test
  void redshiftNodesMustSuitTheNodeType() {
    assertThat(problems(spec -> spec.setRedshift(redshift(RedshiftNodeType.RA3_16XLARGE, 1))))
        .singleElement().asString().contains("ra3.16xlarge has no single-node clusters");
    assertThat(problems(spec -> spec.setRedshift(redshift(RedshiftNodeType.RA3_4XLARGE, 1))))
        .singleElement().asString().contains("ra3.4xlarge has no single-node clusters");
    assertThat(problems(spec -> spec.setRedshift(redshift(RedshiftNodeType.RA3_XLPLUS, 17))))
        .singleElement().asString().contains("ra3.xlplus allows at most 16 nodes");
    assertThat(problems(spec -> spec.setRedshift(redshift(RedshiftNodeType.RA3_16XLARGE, 128)))).isEmpty();
  }

  @Test
  void crossFieldRulesOfTheCrdAreCheckedToo() {
    assertThat(problems(spec -> spec.setAws(null)))
        .singleElement().asString().isEqualTo("spec.aws.region: is required when provider is aws (the default)");
    assertThat(problems(spec -> {
      spec.setProvider(Provider.LOCAL);
      spec.setAws(null);
    })).isEmpty();
    DataLakeSpec lake = new DataLakeSpec();
    lake.setRetentionDays(30);
    lake.setTieringAfterDays(30);
    assertThat(problems(spec -> spec.setDataLake(lake)))
        .singleElement().asString().contains("tieringAfterDays: must be smaller than dataLake.retentionDays");
    MonitoringSpec monitoring = TestEnvironments.monitoring(List.of("a@example.com", "a@example.com", "not-an-address"));
    monitoring.setLogRetentionDays(10);
    assertThat(problems(spec -> spec.setMonitoring(monitoring)))
        .anySatisfy(p -> assertThat(p).contains("lists a@example.com twice"))
        .anySatisfy(p -> assertThat(p).contains("'not-an-address'"))
        .anySatisfy(p -> assertThat(p).contains("logRetentionDays: must be a value CloudWatch Logs accepts"));
    DataGenerationSpec generation = new DataGenerationSpec();
    generation.setDatasets(List.of(Dataset.ORDERS, Dataset.ORDERS));
    assertThat(problems(spec -> spec.setDataGeneration(generation)))
        .singleElement().asString().contains("lists a dataset twice");
    assertThat(problems(spec -> spec.setTtl(""))).singleElement().asString().startsWith("spec.ttl:");
    assertThat(problems(spec -> spec.setEmr(release("emr-6.15.0")))).singleElement().asString()
        .contains("releaseLabel");
  }

  @Test
  void tagsMustSuitEveryTaggedService() {
    assertThat(problems(spec -> spec.getAws().setTags(Map.of("aws:owner", "me")))).singleElement().asString()
        .contains("reserved for AWS");
    assertThat(problems(spec -> spec.getAws().setTags(Map.of("loadstress.brighthive.io/name", "x"))))
        .singleElement().asString().contains("set by the operator");
    assertThat(problems(spec -> spec.getAws().setTags(Map.of("team", "data platform #1"))))
        .singleElement().asString().startsWith("spec.aws.tags[team]:");
    assertThat(problems(spec -> spec.getAws().setTags(Map.of("team", ""))))
        .singleElement().asString().contains("1 to 256 of the characters");
  }

  @Test
  void missingSpecAndNameAreReported() {
    LoadstressEnvironment empty = new LoadstressEnvironment();
    assertThat(EnvironmentSpecValidator.validate(empty))
        .containsExactly("metadata.name: is required", "spec: is required");
  }

  @Test
  void regionProviderAndCidrAreImmutable() {
    LoadstressEnvironmentSpec before = TestEnvironments.subset().getSpec();
    LoadstressEnvironmentSpec after = TestEnvironments.subset().getSpec();
    after.getAws().setRegion("eu-west-1");
    after.setVpc(vpc("10.1.0.0/16", 2, 1));

    assertThat(EnvironmentSpecValidator.validateUpdate(before, after))
        .containsExactly(
            "spec.aws.region: is immutable: delete and recreate the environment to move it",
            "spec.vpc.cidr: is immutable: delete and recreate the environment to change it");
    LoadstressEnvironmentSpec explicitDefault = TestEnvironments.subset().getSpec();
    explicitDefault.setVpc(vpc("10.0.0.0/16", null, null));
    assertThat(EnvironmentSpecValidator.validateUpdate(before, explicitDefault)).isEmpty();
  }

  private static List<String> problems(Consumer<LoadstressEnvironmentSpec> change) {
    return problems(Mode.SUBSET, change);
  }

  private static List<String> problems(Mode mode, Consumer<LoadstressEnvironmentSpec> change) {
    return EnvironmentSpecValidator.validate(TestEnvironments.environment("ns", "env", mode, change));
  }

  private static VpcSpec vpc(String cidr, Integer zones, Integer nats) {
    VpcSpec vpc = new VpcSpec();
    vpc.setCidr(cidr);
    vpc.setMaxAzs(zones);
    vpc.setNatGateways(nats);
    return vpc;
  }

  private static EmrSpec emr(WorkerSpec executor, CapacitySpec maximum) {
    EmrSpec emr = new EmrSpec();
    emr.setExecutor(executor);
    emr.setMaximumCapacity(maximum);
    return emr;
  }

  private static EmrSpec release(String label) {
    EmrSpec emr = new EmrSpec();
    emr.setReleaseLabel(label);
    return emr;
  }

  private static RedshiftSpec redshift(RedshiftNodeType type, int nodes) {
    RedshiftSpec redshift = new RedshiftSpec();
    redshift.setNodeType(type);
    redshift.setNodes(nodes);
    return redshift;
  }
}
