package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;

/** S07: placeholder until the workload lands. */
public final class S07JoinPathDiscovery implements Scenario {

  @Override
  public String id() {
    return "S07";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    throw new IllegalStateException("S07 PLACEHOLDER");
  }
}
