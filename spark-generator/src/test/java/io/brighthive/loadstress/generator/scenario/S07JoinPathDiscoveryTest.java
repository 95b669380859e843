package io.brighthive.loadstress.generator.scenario;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S07JoinPathDiscoveryTest {

  private static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asText()));
    return values;
  }

  @Test
  void findsExactlyThePlantedRelationshipsAndRejectsTheDecoy() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S07");

    assertThat(outcome.verdict()).isEqualTo("Passed");
    assertThat(texts(outcome.details().path("inferred"))).containsExactlyInAnyOrder(
        "orders.customer_id->customers.customer_id",
        "events.customer_id->customers.customer_id",
        "support_tickets.customer_id->customers.customer_id",
        "query_logs.table_id->catalog_tables.table_id",
        "query_logs.table_name->catalog_tables.table_name",
        "catalog_columns.table_id->catalog_tables.table_id",
        "catalog_columns.table_name->catalog_tables.table_name",
        "lineage_edges.source_node_id->lineage_nodes.node_id",
        "lineage_edges.target_node_id->lineage_nodes.node_id",
        "s07_account_notes.account_ref->customers.customer_id",
        "s07_account_notes.ticket_id->support_tickets.ticket_id",
        "s07_prospects.product_code->products.product_id");
    assertThat(outcome.details().path("decoyRejected").asBoolean()).isTrue();
    assertThat(outcome.actual("precision")).isEqualTo(1.0);
    assertThat(outcome.actual("recall")).isEqualTo(1.0);
    assertThat(outcome.actual("pathRecall")).isEqualTo(1.0);
    assertThat(outcome.details().path("joinPaths").size()).isEqualTo(9);
    assertThat(outcome.result().path("latencyMs").path("count").asInt()).isEqualTo(9);
  }

  @Test
  void brokenForeignKeysAreNotInferredAndTheRunFails(@TempDir Path dir) {
    Path lake = ScenarioLakes.copy(dir);
    ScenarioLakes.rewrite(lake, "warehouse", "support_tickets",
        t -> t.withColumn("customer_id", concat(lit("X"), col("customer_id"))));
    ScenarioLakes.rewrite(lake, "warehouse", "lineage_edges",
        t -> t.withColumn("target_node_id", col("target_node_id").plus(1_000_000_000L)));

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S07", Map.of(), Map.of());

    assertThat(texts(outcome.details().path("falseNegatives"))).containsExactly(
        "lineage_edges.target_node_id->lineage_nodes.node_id",
        "s07_account_notes.account_ref->customers.customer_id",
        "support_tickets.customer_id->customers.customer_id");
    assertThat(outcome.actual("recall")).isEqualTo(9.0 / 12);
    assertThat(outcome.slo("recall").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
