package io.brighthive.loadstress.generator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S05QualityScoresTest {

  @Test
  void findsExactlyThePlantedDefectsInEveryTable() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S05");

    JsonNode details = outcome.details();
    assertThat(outcome.actual("defectRecall")).isEqualTo(1.0);
    assertThat(outcome.actual("defectPrecision")).isEqualTo(1.0);
    assertThat(details.path("planted").size()).isEqualTo(12);
    assertThat(details.path("found")).isEqualTo(details.path("planted"));
    assertThat(details.path("found").path("orders.order_id:duplicate").asLong()).isEqualTo(3);
    assertThat(details.path("found").path("query_logs.table_id:orphan").asLong()).isEqualTo(3);
    assertThat(details.path("unexpected")).isEmpty();
    assertThat(details.path("tables").asInt()).isEqualTo(11);
    assertThat(details.path("tableScores").path("orders").path("uniqueness").asDouble()).isLessThan(1.0);
    assertThat(details.path("tableScores").path("products").path("score").asDouble()).isEqualTo(1.0);
    assertThat(details.path("tableScores").path("events").path("newestAgeDays").asDouble()).isBetween(0.0, 2.0);
    assertThat(details.path("columnScores").path("orders.days_to_fulfill").path("completeness").asDouble()).isBetween(0.9, 0.95);
    assertThat(outcome.result().path("recordsProcessed").asLong()).isGreaterThan(ScenarioLakes.RECORDS);
  }

  @Test
  void sparkSqlScoresLikeDuckDb() {
    ScenarioLakes.Outcome duckdb = ScenarioLakes.run("S05");
    ScenarioLakes.Outcome spark = ScenarioLakes.run("S05", Map.of("warehouse", "spark"), Map.of());

    assertThat(duckdb.result().path("engine").path("warehouse").asText()).isEqualTo("duckdb");
    assertThat(spark.result().path("engine").path("warehouse").asText()).isEqualTo("spark");
    assertThat(spark.actual("defectRecall")).isEqualTo(1.0);
    assertThat(spark.actual("defectPrecision")).isEqualTo(1.0);
    assertThat(spark.details().path("found")).isEqualTo(duckdb.details().path("found"));
    assertThat(spark.details().path("tableScores").path("events").path("newestAgeDays"))
        .isEqualTo(duckdb.details().path("tableScores").path("events").path("newestAgeDays"));
    assertThat(spark.details().path("tableScores").path("multi_source_entities").path("newestAgeDays"))
        .isEqualTo(duckdb.details().path("tableScores").path("multi_source_entities").path("newestAgeDays"));
    for (String table : new String[] {"orders", "customers", "query_logs"}) {
      JsonNode s = spark.details().path("tableScores").path(table);
      JsonNode d = duckdb.details().path("tableScores").path(table);
      for (String score : new String[] {"rows", "completeness", "uniqueness", "validity", "referentialIntegrity"}) {
        assertThat(s.path(score)).as(table + "." + score).isEqualTo(d.path(score));
      }
    }
  }

  @Test
  void aDefectThatWasNotPlantedIsReportedAndFailsPrecision(@TempDir Path dir) {
    Path lake = ScenarioLakes.copyWith(dir, "warehouse", "products", products -> products.union(products.limit(1)));

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S05", Map.of("defectsPerKind", "1"), Map.of());

    assertThat(outcome.details().path("unexpected").toString()).contains("products.product_id:duplicate 1 more than planted");
    assertThat(outcome.slo("defectRecall").path("verdict").asText()).isEqualTo("Passed");
    assertThat(outcome.slo("defectPrecision").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
