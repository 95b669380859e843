package io.brighthive.loadstress.generator.scenario;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.TestLakes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S06TimeTravelTest {

  @Test
  void answersEveryAsOfQueryFromIcebergSnapshots() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S06", Map.of("queries", "10"), Map.of());

    assertThat(outcome.verdict()).isEqualTo("Passed");
    assertThat(outcome.actual("correctness")).isEqualTo(1.0);
    assertThat(outcome.details().path("snapshots").asInt()).isEqualTo(5);
    assertThat(outcome.details().path("queriesByMode").path("versionAsOf").asInt()).isEqualTo(5);
    assertThat(outcome.details().path("queriesByMode").path("timestampAsOf").asInt()).isEqualTo(5);
    List<Long> rows = new ArrayList<>();
    outcome.details().path("rowsPerVersion").forEach(n -> rows.add(n.asLong()));
    long cancelled = TestLakes.table(ScenarioLakes.shared(), "orders").where(col("status").equalTo("cancelled")).count();
    assertThat(rows).hasSize(5).endsWith(ScenarioLakes.RECORDS - cancelled);
    assertThat(rows.subList(0, 4)).isSorted().doesNotHaveDuplicates();
    assertThat(rows.get(3)).isEqualTo(ScenarioLakes.RECORDS);
    assertThat(cancelled).isPositive();
    assertThat(outcome.result().path("latencyMs").path("count").asInt()).isEqualTo(10);
  }

  @Test
  void aLatencyTargetNoQueryMeetsFails() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S06", Map.of("versions", "2", "queries", "2"),
        Map.of("p95LatencyMs", 0.001));

    assertThat(outcome.actual("correctness")).isEqualTo(1.0);
    assertThat(outcome.slo("p95LatencyMs").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
