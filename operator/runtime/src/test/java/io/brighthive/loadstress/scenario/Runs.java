package io.brighthive.loadstress.scenario;

import io.brighthive.loadstress.api.ScenarioRun;
import io.brighthive.loadstress.api.scenario.EnvironmentRef;
import io.brighthive.loadstress.api.scenario.ScenarioId;
import io.brighthive.loadstress.api.scenario.ScenarioRunSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.function.Consumer;

/** ScenarioRuns for tests. */
final class Runs {
  private Runs() {}

  static ScenarioRun of(String namespace, String name, String environment, ScenarioId scenario, Consumer<ScenarioRunSpec> customize) {
    ScenarioRun run = new ScenarioRun();
    run.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    ScenarioRunSpec spec = new ScenarioRunSpec();
    spec.setEnvironmentRef(new EnvironmentRef(environment));
    spec.setScenario(scenario);
    customize.accept(spec);
    run.setSpec(spec);
    return run;
  }

  static ScenarioRun of(String namespace, String name, String environment, ScenarioId scenario) {
    return of(namespace, name, environment, scenario, spec -> {});
  }

  static Map<String, Double> slo(String name, double target) {
    return Map.of(name, target);
  }
}
