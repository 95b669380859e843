package io.brighthive.loadstress.generator.scenario;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.SharedSpark;
import io.brighthive.loadstress.generator.TestLakes;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S16ZombieTablesTest {

  @Test
  void flagsExactlyThePlantedZombiesAndSumsTheirStorage() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S16");

    assertThat(outcome.verdict()).isEqualTo("Passed");
    assertThat(outcome.details().path("flagged").asInt()).isEqualTo(300);
    assertThat(outcome.details().path("falsePositives").asInt()).isZero();
    assertThat(outcome.details().path("falseNegatives").asInt()).isZero();
    assertThat(outcome.details().path("recallByKind").path("stale").asDouble()).isEqualTo(1.0);
    assertThat(outcome.details().path("recallByKind").path("never_accessed").asDouble()).isEqualTo(1.0);
    assertThat(outcome.details().path("storageSavedBytes").asLong())
        .isPositive()
        .isEqualTo(outcome.details().path("plantedZombieStorageBytes").asLong());
    assertThat(outcome.result().path("recordsProcessed").asLong())
        .isEqualTo(1_000 + TestLakes.table(ScenarioLakes.shared(), "query_logs").count());
  }

  @Test
  void zombiesThatAreQueriedAgainAreMissedAndTheVerdictTurns(@TempDir Path dir) {
    Path lake = ScenarioLakes.copy(dir);
    // 30 of the 300 planted zombies get a query yesterday: the ground truth still calls them zombies.
    Dataset<Row> revived = TestLakes.groundTruth(lake, "zombie_tables").orderBy("table_id").limit(30);
    Dataset<Row> logs = TestLakes.table(lake, "query_logs");
    revived.select(
            col("table_id").cast("long").plus(10_000_000L).as("query_id"),
            to_timestamp(lit("2024-12-31 12:00:00")).as("query_time"),
            lit("analyst_01").as("user_name"),
            col("table_id"),
            col("table_name"),
            lit("SELECT").as("query_type"),
            lit(120L).as("duration_ms"),
            lit(10L).as("rows_scanned"),
            lit("SELECT 1").as("query_text"))
        .selectExpr(logs.columns())
        .write().mode("append").parquet(lake.resolve("warehouse/query_logs").toString());
    SharedSpark.get().catalog().clearCache();

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S16", Map.of(), Map.of());

    assertThat(outcome.details().path("falseNegatives").asInt()).isEqualTo(30);
    assertThat(outcome.actual("recall")).isEqualTo(0.9);
    assertThat(outcome.slo("recall").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }

  @Test
  void aLongerStalenessWindowMissesTheStaleZombies() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S16", Map.of("staleAfterDays", "700"), Map.of());

    assertThat(outcome.details().path("recallByKind").path("stale").asDouble()).isZero();
    assertThat(outcome.actual("recall")).isEqualTo(0.5);
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
