package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;

/**
 * The relationships S07 must find. The generator builds these foreign keys into the warehouse by
 * construction (README "Datasets"), and the setup plants two tables of its own in the scratch
 * folder, seeded from the manifest's seed: one whose references have uninformative names
 * ({@code account_ref}, {@code product_code}), so only their values give them away, and one decoy
 * {@code customer_id} column whose values look like customer ids but match none.
 */
final class S07PlantedLinks {

  static final String NOTES = "s07_account_notes";
  static final String PROSPECTS = "s07_prospects";

  static final List<S07Relationship> GENERATED = List.of(
      new S07Relationship("orders", "customer_id", "customers", "customer_id"),
      new S07Relationship("events", "customer_id", "customers", "customer_id"),
      new S07Relationship("support_tickets", "customer_id", "customers", "customer_id"),
      new S07Relationship("query_logs", "table_id", "catalog_tables", "table_id"),
      new S07Relationship("query_logs", "table_name", "catalog_tables", "table_name"),
      new S07Relationship("catalog_columns", "table_id", "catalog_tables", "table_id"),
      new S07Relationship("catalog_columns", "table_name", "catalog_tables", "table_name"),
      new S07Relationship("lineage_edges", "source_node_id", "lineage_nodes", "node_id"),
      new S07Relationship("lineage_edges", "target_node_id", "lineage_nodes", "node_id"));

  static final S07Relationship DECOY = new S07Relationship(PROSPECTS, "customer_id", "customers", "customer_id");

  private S07PlantedLinks() {}

  /** Writes the planted tables (when their sources exist) and returns table name to path plus the truth. */
  record Planted(Map<String, Path> tables, List<S07Relationship> truth) {}

  static Planted plant(ScenarioContext context, Set<String> lakeTables) {
    long seed = context.manifest().parameters().seed();
    Map<String, Path> written = new LinkedHashMap<>();
    List<S07Relationship> truth = new ArrayList<>(GENERATED.stream()
        .filter(r -> lakeTables.contains(r.childTable()) && lakeTables.contains(r.parentTable())).toList());
    if (lakeTables.contains("support_tickets") && lakeTables.contains("customers")) {
      Path notes = new Path(context.scratch(), NOTES);
      context.table("support_tickets")
          .where(pmod(xxhash64(col("ticket_id"), lit(seed)), lit(3)).equalTo(0))
          .select(col("ticket_id").multiply(7).plus(3).as("note_id"), col("ticket_id"), col("customer_id").as("account_ref"))
          .write().mode(SaveMode.Overwrite).parquet(notes.toString());
      written.put(NOTES, notes);
      truth.add(new S07Relationship(NOTES, "account_ref", "customers", "customer_id"));
      truth.add(new S07Relationship(NOTES, "ticket_id", "support_tickets", "ticket_id"));
    }
    if (lakeTables.contains("products") && lakeTables.contains("customers")) {
      long products = context.manifest().table("products").rows();
      Path prospects = new Path(context.scratch(), PROSPECTS);
      context.spark().range(2 * products)
          .select(col("id").as("prospect_id"),
              format_string("CUST-9%07d", pmod(xxhash64(col("id"), lit(seed), lit(1)), lit(10_000_000))).as("customer_id"),
              format_string("PROD-%06d", pmod(xxhash64(col("id"), lit(seed), lit(2)), lit(products))).as("product_code"))
          .write().mode(SaveMode.Overwrite).parquet(prospects.toString());
      written.put(PROSPECTS, prospects);
      truth.add(new S07Relationship(PROSPECTS, "product_code", "products", "product_id"));
    }
    return new Planted(written, truth);
  }
}
