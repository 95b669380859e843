package io.brighthive.loadstress.environment.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.AlarmThresholds;
import io.brighthive.loadstress.api.environment.CapacitySpec;
import io.brighthive.loadstress.api.environment.DataLakeSpec;
import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.EmrSpec;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentSpec;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.MonitoringSpec;
import io.brighthive.loadstress.api.environment.RedshiftNodeType;
import io.brighthive.loadstress.api.environment.RedshiftSpec;
import io.brighthive.loadstress.api.environment.VpcSpec;
import io.brighthive.loadstress.api.environment.WorkerSpec;
import io.brighthive.loadstress.environment.sizing.TestEnvironments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rendered template, of subset, full and each override variant, passes the offline
 * validator ../shared/tools/cfn-validate/cfn-validate. It runs once over all files.
 */
class CfnValidateTest {
  @TempDir
  Path dir;

  @Test
  void everyRenderedTemplatePassesCfnValidate() throws Exception {
    Path validator = validator();
    List<String> command = new ArrayList<>(List.of(validator.toString()));
    for (Map.Entry<String, LoadstressEnvironment> variant : variants().entrySet()) {
      RenderedEnvironment env = Templates.render(variant.getValue());
      for (RenderedStack stack : env.creationOrder()) {
        Path file = dir.resolve(variant.getKey() + "-" + stack.component().id() + ".json");
        Files.writeString(file, stack.prettyTemplate(), StandardCharsets.UTF_8);
        command.add(file.toString());
      }
    }

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("cfn-validate did not finish within 5 minutes:\n" + output);
    }
    assertThat(process.exitValue()).as("cfn-validate exit code; its output:\n%s", output).isZero();
    assertThat(output).contains((command.size() - 1) + " file(s), 0 error(s), 0 warning(s)");
  }

  /** {@code <repo root>/../shared/tools/cfn-validate/cfn-validate}, the repo root being two levels above the module. */
  static Path validator() {
    Path module = Path.of("").toAbsolutePath();
    Path validator = module.getParent().getParent().resolve("../shared/tools/cfn-validate/cfn-validate").normalize();
    if (!Files.isExecutable(validator)) {
      fail("cfn-validate is missing: expected an executable at " + validator
          + " (the shared tools folder next to the repository). It needs Node.js 18+ and installs its npm"
          + " dependencies into /tmp/cfn-validate-deps on first use.");
    }
    return validator;
  }

  private static Map<String, LoadstressEnvironment> variants() {
    Map<String, LoadstressEnvironment> variants = new LinkedHashMap<>();
    variants.put("subset", TestEnvironments.subset());
    variants.put("full", TestEnvironments.full());
    variants.put("vpc-3az-2nat", variant(Mode.SUBSET, spec -> spec.setVpc(vpc("10.20.0.0/22", 3, 2))));
    variants.put("vpc-no-nat", variant(Mode.SUBSET, spec -> spec.setVpc(vpc("192.168.0.0/16", 1, 0))));
    variants.put("datalake", variant(Mode.SUBSET, spec -> {
      DataLakeSpec lake = new DataLakeSpec();
      lake.setRetentionDays(365);
      lake.setTieringAfterDays(30);
      lake.setDeletionPolicy(DeletionPolicy.Retain);
      spec.setDataLake(lake);
    }));
    variants.put("redshift", variant(Mode.FULL, spec -> {
      RedshiftSpec redshift = new RedshiftSpec();
      redshift.setNodeType(RedshiftNodeType.RA3_4XLARGE);
      redshift.setNodes(4);
      redshift.setDatabase("warehouse");
      redshift.setMasterUser("admin_user");
      redshift.setDeletionPolicy(DeletionPolicy.Retain);
      spec.setRedshift(redshift);
    }));
    variants.put("emr", variant(Mode.SUBSET, spec -> {
      EmrSpec emr = new EmrSpec();
      emr.setReleaseLabel("emr-7.10.0");
      emr.setDriver(new WorkerSpec(2, 8, 30, 1));
      emr.setExecutor(new WorkerSpec(8, 60, 200, 6));
      emr.setMaximumCapacity(new CapacitySpec(200, 800, 2000));
      emr.setIdleTimeoutMinutes(60);
      spec.setEmr(emr);
    }));
    variants.put("monitoring", variant(Mode.SUBSET, spec -> {
      MonitoringSpec monitoring = TestEnvironments.monitoring(List.of());
      monitoring.setLogRetentionDays(30);
      AlarmThresholds thresholds = new AlarmThresholds();
      thresholds.setRedshiftConnections(100);
      thresholds.setSlowQuerySeconds(5);
      monitoring.setThresholds(thresholds);
      spec.setMonitoring(monitoring);
    }));
    variants.put("lifecycle", variant(Mode.FULL, spec -> {
      spec.setSuspend(true);
      spec.setTtl("12h");
      spec.getAws().setTags(Map.of());
    }));
    variants.put("long-names", TestEnvironments.environment(NamesTest.NAMESPACE_63, NamesTest.NAME_253, Mode.FULL,
        spec -> spec.getAws().setRegion("ap-southeast-2")));
    return variants;
  }

  private static LoadstressEnvironment variant(Mode mode, Consumer<LoadstressEnvironmentSpec> change) {
    return TestEnvironments.environment("ns", "variant", mode, change);
  }

  private static VpcSpec vpc(String cidr, int zones, int nats) {
    VpcSpec vpc = new VpcSpec();
    vpc.setCidr(cidr);
    vpc.setMaxAzs(zones);
    vpc.setNatGateways(nats);
    return vpc;
  }
}
