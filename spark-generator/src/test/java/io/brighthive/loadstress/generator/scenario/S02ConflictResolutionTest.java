package io.brighthive.loadstress.generator.scenario;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.TestLakes;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S02ConflictResolutionTest {

  @Test
  void findsExactlyThePlantedConflictsAndResolvesThemByPolicy() {
    long planted = TestLakes.groundTruth(ScenarioLakes.shared(), "conflicts").count();
    long entities = TestLakes.table(ScenarioLakes.shared(), "multi_source_entities").select("entity_id").distinct().count();

    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S02");

    assertThat(outcome.verdict()).isEqualTo("Passed");
    assertThat(planted).isEqualTo(750);
    assertThat(outcome.details().path("truePositives").asLong()).isEqualTo(planted);
    assertThat(outcome.details().path("falsePositives").asLong()).isZero();
    assertThat(outcome.details().path("falseNegatives").asLong()).isZero();
    assertThat(outcome.details().path("resolvedAsExpected").asLong()).isEqualTo(planted);
    assertThat(outcome.details().path("entities").asLong()).isEqualTo(entities);
    // The ERP authority on revenue departs from the plain CRM-first ground truth exactly where CRM or ERP deviates on revenue.
    long revenue = outcome.details().path("detectedByField").path("annual_revenue").asLong();
    assertThat(outcome.details().path("equalToGroundTruthResolvedValue").asLong()).isBetween(planted - revenue, planted - 1);
    assertThat(outcome.details().path("detectedByField").has("created_date_str")).isFalse();
  }

  @Test
  void plainPriorityReproducesTheGroundTruthResolution() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S02", Map.of("fieldAuthority", "none"), Map.of());

    assertThat(outcome.details().path("equalToGroundTruthResolvedValue").asLong()).isEqualTo(750);
    assertThat(outcome.details().path("winsBySource").path("CRM").asLong()).isEqualTo(750);
  }

  @Test
  void aConflictThatIsNoLongerInTheDataIsMissedAndFailsRecall(@TempDir Path dir) {
    Row conflict = TestLakes.groundTruth(ScenarioLakes.shared(), "conflicts").orderBy("entity_id").first();
    String entity = conflict.getString(conflict.fieldIndex("entity_id"));
    String deviating = conflict.getString(conflict.fieldIndex("deviating_source"));
    Path lake = ScenarioLakes.copyWith(dir, "warehouse", "multi_source_entities",
        rows -> rows.where(col("entity_id").notEqual(entity).or(col("source").notEqual(deviating))));

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S02", Map.of(), Map.of());

    assertThat(outcome.details().path("falseNegatives").asLong()).isEqualTo(1);
    assertThat(outcome.details().path("falsePositives").asLong()).isZero();
    assertThat(outcome.slo("recall").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.slo("precision").path("verdict").asText()).isEqualTo("Passed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
