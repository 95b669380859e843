package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.List;
import java.util.Map;

/**
 * What "good data" means per table, the way a data team would declare it: keys, required columns,
 * validity predicates (SQL that both warehouses accept, over a non-null value), the column that
 * tells freshness, and foreign keys. Timestamps must not lie after the generated world's "now" (2025-01-01).
 */
record S05QualityRules(String table, List<String> key, List<String> required, Map<String, String> validity,
    String freshnessColumn, List<ForeignKey> foreignKeys) {

  record ForeignKey(String column, String parentTable, String parentColumn) {}

  static final String NOT_FUTURE = " <= TIMESTAMP '2025-01-01 00:00:00 UTC'";

  static final List<S05QualityRules> STANDARD = List.of(
      new S05QualityRules("customers", List.of("customer_id"), List.of("customer_id", "company_name", "segment", "status"),
          Map.of("customer_id", "regexp_like(customer_id, '^CUST-[0-9]{8}$')",
              "segment", "segment IN ('Enterprise', 'Mid-Market', 'SMB')",
              "status", "status IN ('active', 'churned', 'prospect')",
              "num_employees", "num_employees >= 0",
              "annual_revenue", "annual_revenue >= 0"),
          "created_at", List.of()),
      new S05QualityRules("products", List.of("product_id"), List.of("product_id", "product_name", "unit_price"),
          Map.of("product_id", "regexp_like(product_id, '^PROD-[0-9]{6}$')", "unit_price", "unit_price > 0",
              "inventory_quantity", "inventory_quantity >= 0"),
          null, List.of()),
      new S05QualityRules("orders", List.of("order_id"),
          List.of("order_id", "customer_id", "order_timestamp", "order_amount", "status"),
          Map.of("order_id", "regexp_like(order_id, '^ORD-[0-9]{12}$')", "order_amount", "order_amount > 0",
              "status", "status IN ('delivered', 'shipped', 'processing', 'cancelled', 'returned')",
              "order_timestamp", "order_timestamp" + NOT_FUTURE, "days_to_fulfill", "days_to_fulfill >= 0"),
          "order_timestamp", List.of(new ForeignKey("customer_id", "customers", "customer_id"))),
      new S05QualityRules("events", List.of("event_id"), List.of("event_id", "event_time", "customer_id", "event_type"),
          Map.of("event_time", "event_time" + NOT_FUTURE),
          "event_time", List.of(new ForeignKey("customer_id", "customers", "customer_id"))),
      new S05QualityRules("support_tickets", List.of("ticket_id"), List.of("ticket_id", "customer_id", "created_at", "body"),
          Map.of("created_at", "created_at" + NOT_FUTURE),
          "created_at", List.of(new ForeignKey("customer_id", "customers", "customer_id"))),
      new S05QualityRules("multi_source_entities", List.of("record_id"), List.of("record_id", "entity_id", "source"),
          Map.of("source", "source IN ('CRM', 'ERP', 'LEGACY')", "email", "regexp_like(email, '^[^@ ]+@[^@ ]+[.][a-z]+$')"),
          "last_updated", List.of()),
      new S05QualityRules("catalog_tables", List.of("table_id"), List.of("table_id", "table_name", "source_system"),
          Map.of("current_version", "current_version >= 1", "column_count", "column_count > 0"), null, List.of()),
      new S05QualityRules("catalog_columns", List.of("table_id", "version", "ordinal"),
          List.of("table_id", "version", "column_name", "data_type"), Map.of(), null,
          List.of(new ForeignKey("table_id", "catalog_tables", "table_id"))),
      new S05QualityRules("query_logs", List.of("query_id"), List.of("query_id", "query_time", "table_id"),
          Map.of("query_time", "query_time" + NOT_FUTURE, "duration_ms", "duration_ms >= 0"),
          "query_time", List.of(new ForeignKey("table_id", "catalog_tables", "table_id"))),
      new S05QualityRules("lineage_nodes", List.of("node_id"), List.of("node_id", "node_name", "node_type"),
          Map.of("layer", "layer BETWEEN 0 AND 4"), null, List.of()),
      new S05QualityRules("lineage_edges", List.of(), List.of("source_node_id", "target_node_id"), Map.of(), null,
          List.of(new ForeignKey("source_node_id", "lineage_nodes", "node_id"),
              new ForeignKey("target_node_id", "lineage_nodes", "node_id"))));
}
