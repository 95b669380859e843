package io.brighthive.loadstress.generator.scenario;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.TestLakes;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S03ContextGenerationTest {

  @Test
  void documentsEveryCatalogedTableAndAgreesWithThePlantedZombies() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S03");

    assertThat(outcome.verdict()).isEqualTo("Passed");
    assertThat(outcome.details().path("tables").asInt()).isEqualTo(1_000);
    assertThat(outcome.details().path("documentsComplete").asInt()).isEqualTo(1_000);
    assertThat(outcome.details().path("documentsAccurate").asInt()).isEqualTo(1_000);
    assertThat(outcome.details().path("usageStatus").path("never queried").asInt()).isEqualTo(150);
    assertThat(outcome.details().path("usageStatus").path("stale").asInt()).isEqualTo(150);
    assertThat(outcome.details().path("relationships").asInt()).isPositive();
    assertThat(outcome.details().path("example").asText()).startsWith("# ").contains("## Schema\n- id bigint not null");
  }

  @Test
  void aTableWhoseCurrentColumnsAreGoneFailsCompletenessAndAccuracy(@TempDir Path dir) {
    Row table = TestLakes.table(ScenarioLakes.shared(), "catalog_tables").orderBy("table_id").first();
    int id = table.getInt(table.fieldIndex("table_id"));
    int current = table.getInt(table.fieldIndex("current_version"));
    Path lake = ScenarioLakes.copyWith(dir, "warehouse", "catalog_columns",
        columns -> columns.where(col("table_id").notEqual(id).or(col("version").notEqual(current))));

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S03", Map.of("tables", "100"), Map.of());

    assertThat(outcome.details().path("documentsComplete").asInt()).isEqualTo(99);
    assertThat(outcome.details().path("problems").get(0).asText()).startsWith(table.getString(table.fieldIndex("table_name"))
        + ": missing [Schema], 0 of ");
    assertThat(outcome.slo("completeness").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.slo("accuracy").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
