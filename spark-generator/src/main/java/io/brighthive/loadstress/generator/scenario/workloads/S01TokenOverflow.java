package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;

/** S01: placeholder until the workload lands. */
public final class S01TokenOverflow implements Scenario {

  @Override
  public String id() {
    return "S01";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    throw new IllegalStateException("S01 PLACEHOLDER");
  }
}
