package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;

/** S09: placeholder until the workload lands. */
public final class S09StreamingIngestion implements Scenario {

  @Override
  public String id() {
    return "S09";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    throw new IllegalStateException("S09 PLACEHOLDER");
  }
}
