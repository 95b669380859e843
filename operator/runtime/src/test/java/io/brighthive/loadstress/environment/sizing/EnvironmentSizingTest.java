package io.brighthive.loadstress.environment.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.api.environment.AlarmThresholds;
import io.brighthive.loadstress.api.environment.AwsSpec;
import io.brighthive.loadstress.api.environment.CapacitySpec;
import io.brighthive.loadstress.api.environment.DataGenerationSpec;
import io.brighthive.loadstress.api.environment.DataLakeSpec;
import io.brighthive.loadstress.api.environment.Dataset;
import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.EmrSpec;
import io.brighthive.loadstress.api.environment.EmrWorkerSizes;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.MonitoringSpec;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.api.environment.RedshiftNodeType;
import io.brighthive.loadstress.api.environment.RedshiftSpec;
import io.brighthive.loadstress.api.environment.VpcSpec;
import io.brighthive.loadstress.api.environment.WorkerSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentSizingTest {

  @Test
  void subsetIsSingleNodeRedshiftAndTwoExecutorsOf16vCpu64Gb() {
    ResolvedEnvironment env = TestEnvironments.resolve(TestEnvironments.subset());

    assertThat(env.redshift().nodes()).isEqualTo(1);
    assertThat(env.redshift().clusterType()).isEqualTo("single-node");
    assertThat(env.redshift().nodeType()).isEqualTo(RedshiftNodeType.RA3_XLPLUS);
    assertThat(env.emr().executor()).isEqualTo(new WorkerGroup(16, 64, 20, 2));
    assertThat(env.emr().driver()).isEqualTo(new WorkerGroup(4, 16, 20, 1));
    assertThat(env.dataGeneration().records()).isEqualTo(1_000_000L);
  }

  @Test
  void fullIsMultiNodeRedshiftAndTwentyExecutorsOfTheLargestSupportedSize() {
    ResolvedEnvironment env = TestEnvironments.resolve(TestEnvironments.full());

    assertThat(env.redshift().nodes()).isEqualTo(2);
    assertThat(env.redshift().clusterType()).isEqualTo("multi-node");
    assertThat(env.emr().executor()).isEqualTo(new WorkerGroup(16, 120, 20, 20));
    assertThat(env.dataGeneration().records()).isEqualTo(1_000_000_000L);
  }

  @Test
  void defaultWorkerSizesAreSizesEmrServerlessAccepts() {
    for (ModeDefaults d : List.of(ModeDefaults.SUBSET, ModeDefaults.FULL)) {
      assertThat(EmrWorkerSizes.isSupported(d.driver().cpu(), d.driver().memoryGb())).isTrue();
      assertThat(EmrWorkerSizes.isSupported(d.executor().cpu(), d.executor().memoryGb())).isTrue();
    }
    // The source's full-mode executor, which EMR Serverless does not offer.
    assertThat(EmrWorkerSizes.isSupported(32, 128)).isFalse();
  }

  @Test
  void everyOtherValueHasTheDocumentedDefault() {
    ResolvedEnvironment env = TestEnvironments.resolve(
        TestEnvironments.environment("ns", "plain", Mode.SUBSET, spec -> spec.setAws(awsOnlyRegion())));

    assertThat(env.provider()).isEqualTo(Provider.AWS);
    assertThat(env.region()).contains("us-west-2");
    assertThat(env.tags()).isEmpty();
    assertThat(env.network().cidr()).hasToString("10.0.0.0/16");
    assertThat(env.network().maxAzs()).isEqualTo(2);
    assertThat(env.network().natGateways()).isEqualTo(1);
    assertThat(env.network().privateSubnets()).extracting(Cidr::toString).containsExactly("10.0.0.0/24", "10.0.1.0/24");
    assertThat(env.network().publicSubnets()).extracting(Cidr::toString).containsExactly("10.0.2.0/28", "10.0.2.16/28");
    assertThat(env.dataLake()).isEqualTo(new DataLakeSettings(90, 0, DeletionPolicy.Delete));
    assertThat(env.redshift().database()).isEqualTo("loadstress");
    assertThat(env.redshift().masterUser()).isEqualTo("loadstress_admin");
    assertThat(env.redshift().deletionPolicy()).isEqualTo(DeletionPolicy.Delete);
    assertThat(env.emr().releaseLabel()).isEqualTo("emr-7.5.0");
    assertThat(env.emr().maximumCapacity()).isEqualTo(new Capacity(800, 3200, 4000));
    assertThat(env.emr().idleTimeoutMinutes()).isEqualTo(15);
    assertThat(env.monitoring().alarmEmails()).isEmpty();
    assertThat(env.monitoring().logRetentionDays()).isEqualTo(7);
    assertThat(env.monitoring().thresholds()).isEqualTo(new Thresholds(80, 450, 85, 30));
    assertThat(env.dataGeneration().seed()).isEqualTo(42L);
    assertThat(env.dataGeneration().datasets()).containsExactly(Dataset.values());
    assertThat(env.deletionPolicy()).isEqualTo(DeletionPolicy.Delete);
    assertThat(env.suspend()).isFalse();
    assertThat(env.ttl()).isEmpty();
  }

  @Test
  void subnetsAreLaidOutLikeTheSource() {
    VpcSpec vpc = new VpcSpec();
    vpc.setCidr("10.51.0.0/16");
    vpc.setMaxAzs(3);
    vpc.setNatGateways(2);
    ResolvedEnvironment env = TestEnvironments.resolve(
        TestEnvironments.environment("ns", "net", Mode.SUBSET, spec -> spec.setVpc(vpc)));

    assertThat(env.network().privateSubnets()).extracting(Cidr::toString)
        .containsExactly("10.51.0.0/24", "10.51.1.0/24", "10.51.2.0/24");
    assertThat(env.network().publicSubnets()).extracting(Cidr::toString)
        .containsExactly("10.51.3.0/28", "10.51.3.16/28", "10.51.3.32/28");
    assertThat(env.network().natGateways()).isEqualTo(2);
  }

  @Test
  void smallestVpcHoldsThreeZones() {
    SubnetLayout layout = SubnetLayout.of(Cidr.of("172.16.4.0/22"), 3);

    assertThat(layout.privateSubnets()).extracting(Cidr::toString)
        .containsExactly("172.16.4.0/24", "172.16.5.0/24", "172.16.6.0/24");
    assertThat(layout.publicSubnets()).extracting(Cidr::toString)
        .containsExactly("172.16.7.0/28", "172.16.7.16/28", "172.16.7.32/28");
  }

  @Test
  void componentOverridesAreApplied() {
    ResolvedEnvironment env = TestEnvironments.resolve(TestEnvironments.environment("ns", "custom", Mode.FULL, spec -> {
      DataLakeSpec lake = new DataLakeSpec();
      lake.setRetentionDays(30);
      lake.setTieringAfterDays(7);
      spec.setDataLake(lake);
      RedshiftSpec redshift = new RedshiftSpec();
      redshift.setNodeType(RedshiftNodeType.RA3_4XLARGE);
      redshift.setNodes(4);
      redshift.setDatabase("warehouse");
      redshift.setMasterUser("admin_user");
      spec.setRedshift(redshift);
      DataGenerationSpec generation = new DataGenerationSpec();
      generation.setRecords(5_000L);
      generation.setSeed(7L);
      generation.setDatasets(List.of(Dataset.ORDERS, Dataset.CUSTOMERS));
      spec.setDataGeneration(generation);
      spec.setSuspend(true);
      spec.setTtl("1d12h30m");
    }));

    assertThat(env.dataLake().retentionDays()).isEqualTo(30);
    assertThat(env.dataLake().tieringAfterDays()).isEqualTo(7);
    assertThat(env.redshift()).isEqualTo(
        new WarehouseSettings(RedshiftNodeType.RA3_4XLARGE, 4, "warehouse", "admin_user", DeletionPolicy.Delete));
    assertThat(env.dataGeneration()).isEqualTo(
        new DataGenerationSettings(5_000L, 7L, List.of(Dataset.ORDERS, Dataset.CUSTOMERS)));
    assertThat(env.suspend()).isTrue();
    assertThat(env.ttl()).contains(Duration.ofHours(36).plusMinutes(30));
  }

  @Test
  void emrAndMonitoringOverridesAreApplied() {
    ResolvedEnvironment env = TestEnvironments.resolve(TestEnvironments.environment("ns", "emr", Mode.SUBSET, spec -> {
      EmrSpec emr = new EmrSpec();
      emr.setReleaseLabel("emr-7.10.0");
      emr.setDriver(new WorkerSpec(2, 8, null, 1));
      emr.setExecutor(new WorkerSpec(8, 32, 100, 4));
      emr.setMaximumCapacity(new CapacitySpec(64, 256, null));
      emr.setIdleTimeoutMinutes(30);
      spec.setEmr(emr);
      MonitoringSpec monitoring = TestEnvironments.monitoring(List.of("a@example.com"));
      monitoring.setLogRetentionDays(30);
      AlarmThresholds thresholds = new AlarmThresholds();
      thresholds.setRedshiftCpuPercent(90);
      thresholds.setSlowQuerySeconds(120);
      monitoring.setThresholds(thresholds);
      spec.setMonitoring(monitoring);
    }));

    assertThat(env.emr().releaseLabel()).isEqualTo("emr-7.10.0");
    assertThat(env.emr().driver()).isEqualTo(new WorkerGroup(2, 8, 20, 1));
    assertThat(env.emr().executor()).isEqualTo(new WorkerGroup(8, 32, 100, 4));
    // No disk given: room for 64 / 2 = 32 of the smallest workers at 20 GB, more than the 420 GB pre-initialized.
    assertThat(env.emr().maximumCapacity()).isEqualTo(new Capacity(64, 256, 640));
    assertThat(env.emr().idleTimeoutMinutes()).isEqualTo(30);
    assertThat(env.monitoring().alarmEmails()).containsExactly("a@example.com");
    assertThat(env.monitoring().logRetentionDays()).isEqualTo(30);
    assertThat(env.monitoring().thresholds()).isEqualTo(new Thresholds(90, 450, 85, 120));
  }

  @Test
  void componentDeletionPoliciesFallBackToTheTopLevelOne() {
    ResolvedEnvironment retained = TestEnvironments.resolve(TestEnvironments.full());
    assertThat(retained.dataLake().deletionPolicy()).isEqualTo(DeletionPolicy.Retain);
    assertThat(retained.redshift().deletionPolicy()).isEqualTo(DeletionPolicy.Retain);

    ResolvedEnvironment mixed = TestEnvironments.resolve(TestEnvironments.environment("ns", "mixed", Mode.SUBSET, spec -> {
      spec.setDeletionPolicy(DeletionPolicy.Retain);
      DataLakeSpec lake = new DataLakeSpec();
      lake.setDeletionPolicy(DeletionPolicy.Delete);
      spec.setDataLake(lake);
    }));
    assertThat(mixed.dataLake().deletionPolicy()).isEqualTo(DeletionPolicy.Delete);
    assertThat(mixed.redshift().deletionPolicy()).isEqualTo(DeletionPolicy.Retain);
  }

  @Test
  void ttlIsParsedIntoADuration() {
    assertThat(EnvironmentSizing.parseTtl("2d")).contains(Duration.ofDays(2));
    assertThat(EnvironmentSizing.parseTtl("8h")).contains(Duration.ofHours(8));
    assertThat(EnvironmentSizing.parseTtl("45m")).contains(Duration.ofMinutes(45));
    assertThat(EnvironmentSizing.parseTtl(null)).isEmpty();
    assertThat(EnvironmentSizing.parseTtl("two days")).isEmpty();
  }

  @Test
  void localEnvironmentNeedsNoRegion() {
    ResolvedEnvironment env = TestEnvironments.resolve(TestEnvironments.environment("default", "local", Mode.SUBSET, spec -> {
      spec.setProvider(Provider.LOCAL);
      spec.setAws(null);
    }));

    assertThat(env.provider()).isEqualTo(Provider.LOCAL);
    assertThat(env.region()).isEmpty();
  }

  private static AwsSpec awsOnlyRegion() {
    AwsSpec aws = new AwsSpec();
    aws.setRegion("us-west-2");
    return aws;
  }
}
