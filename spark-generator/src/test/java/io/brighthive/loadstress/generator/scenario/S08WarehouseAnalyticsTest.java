package io.brighthive.loadstress.generator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class S08WarehouseAnalyticsTest {

  @Test
  void runsTheSuiteOnDuckDbAndPassesTheDefaultSlos() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S08");

    assertThat(outcome.verdict()).isEqualTo("Passed");
    assertThat(outcome.result().path("engine").path("warehouse").asText()).isEqualTo("duckdb");
    assertThat(outcome.result().path("latencyMs").path("count").asInt()).isEqualTo(7 * 3);
    assertThat(outcome.details().path("months").asInt()).isEqualTo(24);
    assertThat(outcome.result().path("recordsProcessed").asLong()).isGreaterThan(ScenarioLakes.RECORDS * 3);
  }

  @Test
  void sparkSqlGivesTheSameAnswersAndAnImpossibleTargetFails() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S08", Map.of("warehouse", "spark", "iterations", "1"),
        Map.of("p95LatencyMs", 0.001));

    assertThat(outcome.result().path("engine").path("warehouse").asText()).isEqualTo("spark");
    assertThat(outcome.details().path("months").asInt()).isEqualTo(24);
    assertThat(outcome.slo("p95LatencyMs").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.slo("p50LatencyMs").path("verdict").asText()).isEqualTo("Passed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
