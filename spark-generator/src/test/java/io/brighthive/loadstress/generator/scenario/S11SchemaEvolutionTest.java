package io.brighthive.loadstress.generator.scenario;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.TestLakes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S11SchemaEvolutionTest {

  @Test
  void detectsThePlantedChangesAcrossFiftySources() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S11");

    assertThat(outcome.verdict()).isEqualTo("Passed");
    long planted = TestLakes.groundTruth(ScenarioLakes.shared(), "schema_changes").count();
    assertThat(outcome.details().path("plantedChanges").asLong()).isEqualTo(planted);
    assertThat(outcome.details().path("sources").asInt()).isEqualTo(50);
    assertThat(outcome.details().path("tables").asInt()).isEqualTo(1_000);
    assertThat(outcome.details().path("detectedByKind").size()).isEqualTo(4);
    long observable = outcome.details().path("plantedObservableChanges").asLong();
    assertThat(observable).isBetween((long) (planted * 0.9), planted);
    assertThat(outcome.details().path("truePositives").asLong()).isGreaterThanOrEqualTo((long) Math.ceil(observable * 0.99));
    assertThat(outcome.actual("precision")).isGreaterThanOrEqualTo(0.99);
    assertThat(outcome.actual("recall")).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void changesMissingFromTheGroundTruthCountAsFalsePositivesAndFail(@TempDir Path dir) {
    Path lake = ScenarioLakes.copy(dir);
    List<Row> sources = TestLakes.groundTruth(lake, "schema_changes").select("source_system").distinct()
        .orderBy("source_system").limit(3).collectAsList();
    List<String> victims = sources.stream().map(r -> r.getString(0)).toList();
    assertThat(victims).hasSize(3);
    long removed = TestLakes.groundTruth(lake, "schema_changes").where(col("source_system").isin(victims.toArray())).count();
    ScenarioLakes.rewrite(lake, "ground_truth", "schema_changes", gt -> gt.where(col("source_system").isin(victims.toArray()).unary_$bang()));

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S11", Map.of(), Map.of());

    assertThat(removed).isPositive();
    assertThat(outcome.details().path("falsePositives").asLong()).isGreaterThanOrEqualTo((long) (removed * 0.9));
    assertThat(outcome.slo("precision").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
