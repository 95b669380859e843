package io.brighthive.loadstress.generator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.TestLakes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S01TokenOverflowTest {

  @Test
  void packsEveryTableHeaderIntoTheDefaultBudgetFromAProfileThatOverflowsIt() throws IOException {
    int tables = TestLakes.manifest(ScenarioLakes.shared()).tables().size();

    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S01");

    assertThat(outcome.verdict()).isEqualTo("Passed");
    assertThat(outcome.details().path("tables").asInt()).isEqualTo(tables).isEqualTo(11);
    assertThat(outcome.details().path("factsIncludedByPriority").path("p0").asInt()).isEqualTo(tables);
    assertThat(outcome.details().path("fullProfileTokens").asInt()).isGreaterThan(6_000);
    assertThat(outcome.details().path("contextTokens").asInt()).isBetween(5_000, 6_000);
    assertThat(outcome.details().path("factsDroppedByPriority").path("p3").asInt()).isPositive();
    assertThat(outcome.details().path("contextPreview").asText()).contains("customers: 1000 rows; key customer_id");
    assertThat(outcome.actual("profileAccuracy")).isEqualTo(1.0);
  }

  @Test
  void aTableThatLostRowsAndABudgetTooSmallForTheHeadersBothFail(@TempDir Path dir) {
    Path lake = ScenarioLakes.copyWith(dir, "warehouse", "products", products -> products.limit(99));

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S01", Map.of("tokenBudget", "150", "sampleRows", "0"), Map.of());

    assertThat(outcome.details().path("rowCountMismatches").toString()).contains("products: profiled 99 rows, the manifest says 500");
    assertThat(outcome.slo("profileAccuracy").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.actual("tokensOverBudget")).isZero();
    assertThat(outcome.details().path("contextTokens").asInt()).isLessThanOrEqualTo(150);
    assertThat(outcome.slo("topPriorityCoverage").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
