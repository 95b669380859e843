package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.AwsSpec;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentSpec;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.api.environment.VpcSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks what the CRD schema cannot: CIDR alignment and subnet room, EMR worker sizes (again, for
 * clusters without CEL), capacity that covers the pre-initialized workers, Redshift node counts per
 * node type, tags every AWS service accepts, and the same cross-field rules as the CEL rules.
 * Returns human-readable problems, each starting with the field it is about; empty when valid.
 */
public final class EnvironmentSpecValidator {
  private EnvironmentSpecValidator() {}

  public static List<String> validate(LoadstressEnvironment environment) {
    Problems problems = new Problems();
    ObjectMeta meta = environment.getMetadata();
    problems.require(meta != null && meta.getName() != null && !meta.getName().isEmpty(),
        "metadata.name", "is required");
    if (environment.getSpec() == null) {
      problems.add("spec", "is required");
      return problems.messages();
    }
    return validate(environment.getSpec(), problems);
  }

  public static List<String> validate(LoadstressEnvironmentSpec spec) {
    return validate(spec, new Problems());
  }

  /**
   * Checks a change: provider, region and VPC CIDR are immutable, as the CEL transition rules
   * say, compared here on effective values so that writing out a default is not a change.
   */
  public static List<String> validateUpdate(LoadstressEnvironmentSpec before, LoadstressEnvironmentSpec after) {
    Problems problems = new Problems();
    problems.require(provider(before) == provider(after), "spec.provider",
        "is immutable: delete and recreate the environment to move it between aws and local");
    problems.require(Objects.equals(region(before), region(after)), "spec.aws.region",
        "is immutable: delete and recreate the environment to move it");
    problems.require(Objects.equals(cidr(before), cidr(after)), "spec.vpc.cidr",
        "is immutable: delete and recreate the environment to change it");
    List<String> rest = validate(after);
    return rest.isEmpty() ? problems.messages() : concat(problems.messages(), rest);
  }

  private static List<String> validate(LoadstressEnvironmentSpec spec, Problems problems) {
    problems.require(spec.getMode() != null, "spec.mode", "is required: subset or full");
    ModeDefaults defaults = ModeDefaults.forMode(spec.getMode());
    AwsRules.check(spec, defaults, problems);
    ComponentRules.checkDataLake(Optional.ofNullable(spec.getDataLake()), defaults, problems);
    ComponentRules.checkRedshift(Optional.ofNullable(spec.getRedshift()), defaults, problems);
    EmrRules.check(Optional.ofNullable(spec.getEmr()), defaults, problems);
    ComponentRules.checkMonitoring(Optional.ofNullable(spec.getMonitoring()), problems);
    ComponentRules.checkDataGeneration(Optional.ofNullable(spec.getDataGeneration()), problems);
    ComponentRules.checkTtl(spec.getTtl(), problems);
    return problems.messages();
  }

  private static Provider provider(LoadstressEnvironmentSpec spec) {
    return spec.getProvider() == null ? Provider.AWS : spec.getProvider();
  }

  private static String region(LoadstressEnvironmentSpec spec) {
    return Optional.ofNullable(spec.getAws()).map(AwsSpec::getRegion).orElse(null);
  }

  private static String cidr(LoadstressEnvironmentSpec spec) {
    return Optional.ofNullable(spec.getVpc()).map(VpcSpec::getCidr).orElse(ModeDefaults.SUBSET.vpcCidr());
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
