package io.brighthive.loadstress.generator.scenario;

/**
 * One stress workload. It reads the generated lake through its {@link ScenarioContext}, measures,
 * and reports what it saw into the {@link ScenarioOutcome}: records processed, query latencies and
 * the actual value of each of its SLOs. Verdicts and the result file are the runner's job.
 */
public interface Scenario {

  /** The catalog id, S01 to S16. */
  String id();

  void run(ScenarioContext context, ScenarioOutcome outcome) throws Exception;
}
