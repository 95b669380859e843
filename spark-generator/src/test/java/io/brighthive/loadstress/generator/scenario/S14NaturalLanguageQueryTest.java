package io.brighthive.loadstress.generator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class S14NaturalLanguageQueryTest {

  @Test
  void answersEveryQuestionLikeTheGroundTruthWithinTheLatencyTarget() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S14");

    assertThat(outcome.verdict()).as("%s", outcome.result()).isEqualTo("Passed");
    assertThat(outcome.result().path("engine").path("warehouse").asText()).isEqualTo("duckdb");
    assertThat(outcome.result().path("latencyMs").path("count").asInt()).isEqualTo(15 * 3);
    assertThat(outcome.details().path("correct").asInt()).isEqualTo(45);
    assertThat(outcome.actual("accuracy")).isEqualTo(1.0);
    assertThat(outcome.details().path("wrong").size()).isZero();
  }

  @Test
  void sparkSqlAgreesAndAnImpossibleLatencyTargetFails() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S14", Map.of("warehouse", "spark", "iterations", "1"),
        Map.of("p95LatencyMs", 0.001));

    assertThat(outcome.result().path("engine").path("warehouse").asText()).isEqualTo("spark");
    assertThat(outcome.actual("accuracy")).isEqualTo(1.0);
    assertThat(outcome.slo("p95LatencyMs").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
