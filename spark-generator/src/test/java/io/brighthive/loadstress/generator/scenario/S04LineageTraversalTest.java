package io.brighthive.loadstress.generator.scenario;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.TestLakes;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S04LineageTraversalTest {

  @Test
  void answersEveryProbeLikeTheGeneratorAndPasses() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S04");

    assertThat(outcome.verdict()).isEqualTo("Passed");
    assertThat(outcome.details().path("probes").asInt()).isEqualTo(25);
    assertThat(outcome.details().path("probesCorrect").asInt()).isEqualTo(25);
    assertThat(outcome.details().path("nodes").asInt()).isEqualTo(50_000);
    assertThat(outcome.actual("correctness")).isEqualTo(1.0);
    assertThat(outcome.result().path("latencyMs").path("count").asInt()).isEqualTo(200);
    assertThat(outcome.details().path("randomQueriesByKind").path("impact").asInt()).isPositive();
  }

  @Test
  void aLostEdgeIntoAProbeNodeTurnsTheVerdict(@TempDir Path dir) {
    Row probe = deepestProbe();
    long node = probe.getLong(probe.fieldIndex("node_id"));
    Path lake = ScenarioLakes.copyWith(dir, "warehouse", "lineage_edges", edges -> {
      Row victim = edges.where(col("target_node_id").equalTo(node)).orderBy("source_node_id").first();
      return edges.where(col("target_node_id").notEqual(node).or(col("source_node_id").notEqual(victim.getLong(0))));
    });

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S04", Map.of("queries", "30"), Map.of());

    assertThat(outcome.details().path("probesCorrect").asInt()).isBetween(1, 24);
    assertThat(outcome.details().path("wrongAnswers").toString()).contains("node " + node + ": got [" + (probe.getInt(probe.fieldIndex("direct_parents")) - 1));
    assertThat(outcome.slo("correctness").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }

  private static Row deepestProbe() {
    return TestLakes.groundTruth(ScenarioLakes.shared(), "lineage_facts").where(col("layer").equalTo(4)).orderBy("node_id").first();
  }
}
