package io.brighthive.loadstress.generator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class S09StreamingIngestionTest {

  @Test
  void sustainsTheTargetRateWithEveryTickIngested() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S09", Map.of("durationSeconds", "12", "eventsPerSecond", "2000"), Map.of());

    assertThat(outcome.verdict()).as("%s", outcome.result()).isEqualTo("Passed");
    assertThat(outcome.details().path("eventsLost").asLong()).isZero();
    assertThat(outcome.details().path("committedBatches").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(outcome.details().path("eventsIngested").asLong()).isEqualTo(outcome.result().path("recordsProcessed").asLong())
        .isGreaterThan(2_000L * 4);
    assertThat(outcome.details().path("p50EndToEndLatencyMs").asDouble()).isPositive()
        .isLessThanOrEqualTo(outcome.actual("p95EndToEndLatencyMs"));
  }

  @Test
  void aLatencyTargetBelowOneTriggerIntervalFails() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S09", Map.of("durationSeconds", "5", "eventsPerSecond", "2000"),
        Map.of("p95EndToEndLatencyMs", 1.0));

    assertThat(outcome.details().path("eventsLost").asLong()).isZero();
    assertThat(outcome.slo("p95EndToEndLatencyMs").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
