package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.AwsSpec;
import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.EmrSpec;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentSpec;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.MonitoringSpec;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.api.environment.RedshiftSpec;
import io.brighthive.loadstress.api.environment.VpcSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Environments for tests, shaped like examples/environment-subset.yaml and environment-full.yaml. */
public final class TestEnvironments {
  public static final String NAMESPACE = "loadstress";

  private TestEnvironments() {}

  /** Like examples/environment-subset.yaml. */
  public static LoadstressEnvironment subset() {
    return environment(NAMESPACE, "subset", Mode.SUBSET, spec -> {
      spec.setTtl("3d");
      spec.setMonitoring(monitoring(List.of("oncall@example.com")));
    });
  }

  /** Like examples/environment-full.yaml. */
  public static LoadstressEnvironment full() {
    return environment(NAMESPACE, "full", Mode.FULL, spec -> {
      VpcSpec vpc = new VpcSpec();
      vpc.setCidr("10.0.0.0/16");
      vpc.setMaxAzs(2);
      vpc.setNatGateways(1);
      spec.setVpc(vpc);
      RedshiftSpec redshift = new RedshiftSpec();
      redshift.setNodes(2);
      spec.setRedshift(redshift);
      EmrSpec emr = new EmrSpec();
      emr.setReleaseLabel("emr-7.5.0");
      emr.setIdleTimeoutMinutes(15);
      spec.setEmr(emr);
      MonitoringSpec monitoring = monitoring(List.of("oncall@example.com", "data-platform@example.com"));
      monitoring.setLogRetentionDays(7);
      spec.setMonitoring(monitoring);
      spec.setDeletionPolicy(DeletionPolicy.Retain);
      spec.setTtl("2d");
    });
  }

  /** An aws environment in us-west-2 with the examples' tags, changed by {@code customizer}. */
  public static LoadstressEnvironment environment(
      String namespace, String name, Mode mode, Consumer<LoadstressEnvironmentSpec> customizer) {
    LoadstressEnvironmentSpec spec = new LoadstressEnvironmentSpec();
    spec.setMode(mode);
    spec.setProvider(Provider.AWS);
    AwsSpec aws = new AwsSpec();
    aws.setRegion("us-west-2");
    aws.setTags(new TreeMap<>(Map.of("team", "data-platform", "cost-center", "loadstress")));
    spec.setAws(aws);
    customizer.accept(spec);
    LoadstressEnvironment environment = new LoadstressEnvironment();
    environment.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    environment.setSpec(spec);
    return environment;
  }

  public static MonitoringSpec monitoring(List<String> emails) {
    MonitoringSpec monitoring = new MonitoringSpec();
    monitoring.setAlarmEmails(emails);
    return monitoring;
  }

  public static ResolvedEnvironment resolve(LoadstressEnvironment environment) {
    return EnvironmentSizing.resolve(environment);
  }
}
