package io.brighthive.loadstress.generator.data;

import static io.brighthive.loadstress.generator.data.ColumnSpec.notNull;
import static io.brighthive.loadstress.generator.data.ColumnSpec.of;

import java.util.List;

/** The source project's Redshift star schema and multi-source table (optimized_warehouse_schema.sql). */
public final class WarehouseSchema {

  public static final TableSpec CUSTOMERS = new TableSpec("customers", List.of(
      notNull("customer_id", "VARCHAR(20)"),
      notNull("company_name", "VARCHAR(200)"),
      notNull("segment", "VARCHAR(20)"),
      of("industry", "VARCHAR(50)"),
      of("num_employees", "BIGINT"),
      of("annual_revenue", "BIGINT"),
      of("lifetime_value", "DECIMAL(38,6)"),
      of("region", "VARCHAR(50)"),
      of("state", "VARCHAR(50)"),
      of("status", "VARCHAR(20)"),
      of("created_at", "DATE")),
      List.of("customer_id"));

  public static final TableSpec PRODUCTS = new TableSpec("products", List.of(
      notNull("product_id", "VARCHAR(20)"),
      notNull("product_name", "VARCHAR(200)"),
      notNull("category", "VARCHAR(50)"),
      of("unit_price", "BIGINT"),
      of("inventory_quantity", "INTEGER")),
      List.of("product_id"));

  public static final TableSpec ORDERS = new TableSpec("orders", List.of(
      notNull("order_id", "VARCHAR(30)"),
      notNull("customer_id", "VARCHAR(20)"),
      notNull("order_timestamp", "TIMESTAMP"),
      notNull("order_amount", "DECIMAL(24,2)"),
      of("status", "VARCHAR(20)"),
      of("days_to_fulfill", "BIGINT")),
      List.of("order_id"));

  public static final TableSpec MULTI_SOURCE_ENTITIES = new TableSpec("multi_source_entities", List.of(
      notNull("record_id", "VARCHAR(50)"),
      notNull("source", "VARCHAR(10)"),
      of("source_system_id", "VARCHAR(50)"),
      of("entity_id", "VARCHAR(20)"),
      of("first_name", "VARCHAR(100)"),
      of("last_name", "VARCHAR(100)"),
      of("email", "VARCHAR(200)"),
      of("phone", "VARCHAR(30)"),
      of("annual_revenue", "DECIMAL(24,2)"),
      of("employee_count", "BIGINT"),
      of("created_date", "DATE"),
      of("created_date_str", "VARCHAR(20)"),
      of("last_updated", "DATE"),
      of("has_conflict", "BOOLEAN"),
      of("conflict_type", "VARCHAR(20)")),
      List.of("record_id", "source"));

  public static final List<TableSpec> ALL = List.of(CUSTOMERS, PRODUCTS, ORDERS, MULTI_SOURCE_ENTITIES);

  private WarehouseSchema() {}
}
