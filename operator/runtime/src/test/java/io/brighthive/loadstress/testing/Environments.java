package io.brighthive.loadstress.testing;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.AwsSpec;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentSpec;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.Provider;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Object mother of LoadstressEnvironments. */
public final class Environments {
  private Environments() {}

  public static LoadstressEnvironment aws(String namespace, String name, Mode mode) {
    var env = new LoadstressEnvironment();
    env.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    var spec = new LoadstressEnvironmentSpec();
    spec.setMode(mode);
    spec.setProvider(Provider.AWS);
    var aws = new AwsSpec();
    aws.setRegion("us-west-2");
    spec.setAws(aws);
    env.setSpec(spec);
    return env;
  }
}
