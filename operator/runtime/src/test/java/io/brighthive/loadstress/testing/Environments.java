package io.brighthive.loadstress.testing;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.AwsSpec;
import io.brighthive.loadstress.api.environment.DataGenerationSpec;
import io.brighthive.loadstress.api.environment.Dataset;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentSpec;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.Provider;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

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

  /** Provider local, no aws block, a small data set: 20,000 orders and what goes with them. */
  public static LoadstressEnvironment local(String namespace, String name) {
    var env = new LoadstressEnvironment();
    env.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    var spec = new LoadstressEnvironmentSpec();
    spec.setMode(Mode.SUBSET);
    spec.setProvider(Provider.LOCAL);
    var data = new DataGenerationSpec();
    data.setRecords(20_000L);
    data.setSeed(7L);
    data.setDatasets(List.of(Dataset.CUSTOMERS, Dataset.PRODUCTS, Dataset.ORDERS));
    spec.setDataGeneration(data);
    env.setSpec(spec);
    return env;
  }
}
