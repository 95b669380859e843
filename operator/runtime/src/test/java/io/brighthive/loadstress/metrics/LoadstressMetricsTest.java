package io.brighthive.loadstress.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.scenario.LatencyMs;
import io.brighthive.loadstress.api.scenario.RunPhase;
import io.brighthive.loadstress.api.scenario.ScenarioId;
import io.brighthive.loadstress.api.scenario.ScenarioResult;
import io.brighthive.loadstress.api.scenario.Verdict;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadstressMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final LoadstressMetrics metrics = new LoadstressMetrics(registry);

  @Test
  void environmentsAreCountedByTheirCurrentPhaseAndForgottenWhenRemoved() {
    metrics.environmentPhase("uid-1", EnvironmentPhase.Provisioning);
    metrics.environmentPhase("uid-2", EnvironmentPhase.Provisioning);
    metrics.environmentPhase("uid-1", EnvironmentPhase.Ready);

    assertThat(sample("loadstress_environments{phase=\"Ready\"}")).isEqualTo(1.0);
    assertThat(sample("loadstress_environments{phase=\"Provisioning\"}")).isEqualTo(1.0);
    assertThat(sample("loadstress_environments{phase=\"Failed\"}")).isZero();

    metrics.environmentRemoved("uid-1");
    metrics.environmentPhase("uid-2", null);
    assertThat(sample("loadstress_environments{phase=\"Ready\"}")).isZero();
    assertThat(sample("loadstress_environments{phase=\"Provisioning\"}")).isZero();
  }

  @Test
  void recordsGeneratedSumTheCurrentEnvironments() {
    metrics.recordsGenerated("uid-1", 1_000_000);
    metrics.recordsGenerated("uid-2", 5);
    metrics.recordsGenerated("uid-2", 7);
    assertThat(sample("loadstress_records_generated")).isEqualTo(1_000_007.0);
    metrics.environmentRemoved("uid-1");
    assertThat(sample("loadstress_records_generated")).isEqualTo(7.0);
  }

  @Test
  void stackOperationsAreTimedByComponentOperationAndOutcome() {
    metrics.stackOperation("redshift", StackOperation.CREATE, StackOperationOutcome.SUCCEEDED, Duration.ofMinutes(12));
    metrics.stackOperation("redshift", StackOperation.CREATE, StackOperationOutcome.ROLLED_BACK, Duration.ofMinutes(3));

    String labels = "component=\"redshift\",operation=\"create\",outcome=\"succeeded\"";
    assertThat(sample("loadstress_stack_operation_seconds_count{" + labels + "}")).isEqualTo(1.0);
    assertThat(sample("loadstress_stack_operation_seconds_sum{" + labels + "}")).isEqualTo(720.0);
    assertThat(sample("loadstress_stack_operation_seconds_bucket{" + labels + ",le=\"1200.0\"}")).isEqualTo(1.0);
    assertThat(sample("loadstress_stack_operation_seconds_bucket{" + labels + ",le=\"600.0\"}")).isZero();
    assertThat(sample("loadstress_stack_operation_seconds_count{component=\"redshift\",operation=\"create\",outcome=\"rolled_back\"}"))
        .isEqualTo(1.0);
  }

  @Test
  void awsCallsAreCountedByServiceOperationAndOutcome() {
    metrics.awsCall("cloudformation", "DescribeStacks", AwsCallOutcome.SUCCESS);
    metrics.awsCall("cloudformation", "DescribeStacks", AwsCallOutcome.SUCCESS);
    metrics.awsCall("cloudformation", "DescribeStacks", AwsCallOutcome.THROTTLED);
    assertThat(sample("loadstress_aws_calls_total{operation=\"DescribeStacks\",outcome=\"success\",service=\"cloudformation\"}"))
        .isEqualTo(2.0);
    assertThat(sample("loadstress_aws_calls_total{operation=\"DescribeStacks\",outcome=\"throttled\",service=\"cloudformation\"}"))
        .isEqualTo(1.0);
  }

  @Test
  void aFinishedScenarioRunIsCountedTimedAndItsResultKept() {
    ScenarioResult result = new ScenarioResult();
    LatencyMs latency = new LatencyMs();
    latency.setP95(1250.0);
    result.setLatencyMs(latency);
    result.setRecordsProcessed(2_000_000L);
    result.setVerdict(Verdict.Failed);

    metrics.scenarioFinished(ScenarioId.S14, RunPhase.Succeeded, Duration.ofMinutes(4), result, 1.5);
    metrics.scenarioFinished(ScenarioId.S14, RunPhase.TimedOut, Duration.ofMinutes(30), null, null);

    assertThat(sample("loadstress_scenario_runs_total{outcome=\"Succeeded\",scenario=\"S14\"}")).isEqualTo(1.0);
    assertThat(sample("loadstress_scenario_runs_total{outcome=\"TimedOut\",scenario=\"S14\"}")).isEqualTo(1.0);
    assertThat(sample("loadstress_scenario_verdicts_total{scenario=\"S14\",verdict=\"Failed\"}")).isEqualTo(1.0);
    assertThat(sample("loadstress_scenario_duration_seconds_count{scenario=\"S14\"}")).isEqualTo(2.0);
    assertThat(sample("loadstress_scenario_duration_seconds_sum{scenario=\"S14\"}")).isEqualTo(2040.0);
    assertThat(sample("loadstress_scenario_latency_p95_seconds{scenario=\"S14\"}")).isEqualTo(1.25);
    assertThat(sample("loadstress_scenario_records_processed{scenario=\"S14\"}")).isEqualTo(2_000_000.0);
    assertThat(sample("loadstress_scenario_cost_usd_total{scenario=\"S14\"}")).isEqualTo(1.5);
    assertThat(registry.scrape()).doesNotContain("scenario=\"S01\"");
  }

  @Test
  void onlyFinalPhasesAreOutcomes() {
    assertThatThrownBy(() -> metrics.scenarioFinished(ScenarioId.S01, RunPhase.Running, Duration.ZERO, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noMetricCarriesAResourceNameOrUid() {
    metrics.environmentPhase("7f9c2ba4-e88f-11ea-adc1-0242ac120002", EnvironmentPhase.Ready);
    metrics.recordsGenerated("7f9c2ba4-e88f-11ea-adc1-0242ac120002", 10);
    assertThat(registry.scrape()).doesNotContain("7f9c2ba4").doesNotContain("name=").doesNotContain("namespace=");
  }

  private double sample(String series) {
    return PrometheusText.value(registry.scrape(), series);
  }
}
