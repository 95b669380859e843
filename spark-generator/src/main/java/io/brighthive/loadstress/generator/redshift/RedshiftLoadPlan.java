package io.brighthive.loadstress.generator.redshift;

import io.brighthive.loadstress.generator.data.ColumnSpec;
import io.brighthive.loadstress.generator.data.TableSpec;
import io.brighthive.loadstress.generator.data.WarehouseSchema;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL that loads the lake's warehouse tables into Redshift with the source project's optimized
 * keys: drop (facts first), create (dimensions first), COPY from Parquet, ANALYZE, then, as the
 * source did, VACUUM SORT ONLY on the two large tables (COPY sorts each batch, a large load can still
 * leave an unsorted region).
 */
public record RedshiftLoadPlan(List<String> statements, List<String> tables) {

  /** Distribution and sort keys per table, from the source's optimized_warehouse_schema.sql. */
  static final Map<String, String> TABLE_ATTRIBUTES = Map.of(
      "customers", "DISTSTYLE ALL SORTKEY (customer_id)",
      "products", "DISTSTYLE ALL SORTKEY (category, product_id)",
      "orders", "DISTSTYLE KEY DISTKEY (customer_id) SORTKEY (order_timestamp, customer_id)",
      "multi_source_entities", "DISTSTYLE KEY DISTKEY (entity_id) SORTKEY (entity_id, source, last_updated)");

  private static final Set<String> VACUUMED = Set.of("orders", "multi_source_entities");
  private static final Set<String> S3_SCHEMES = Set.of("s3", "s3a", "s3n");

  public static boolean canCopyFrom(URI lake) {
    return lake.getScheme() != null && S3_SCHEMES.contains(lake.getScheme());
  }

  /**
   * @param lake the lake root (s3://, s3a:// or s3n://)
   * @param available the warehouse tables that exist in the lake; others are left out
   */
  public static RedshiftLoadPlan forLake(URI lake, String iamRole, String schema, Set<String> available) {
    if (!canCopyFrom(lake)) {
      throw new IllegalArgumentException("Redshift COPY reads only from S3, not from " + lake);
    }
    List<TableSpec> tables = WarehouseSchema.ALL.stream().filter(t -> available.contains(t.name())).toList();
    String root = "s3://" + lake.getAuthority() + trimSlashes(lake.getPath());
    List<String> statements = new ArrayList<>();
    if (!schema.equals(RedshiftOptions.DEFAULT_SCHEMA)) {
      statements.add("CREATE SCHEMA IF NOT EXISTS " + schema);
    }
    for (int i = tables.size() - 1; i >= 0; i--) {
      statements.add("DROP TABLE IF EXISTS " + qualified(schema, tables.get(i)));
    }
    for (TableSpec table : tables) {
      statements.add(createTable(schema, table, available));
    }
    for (TableSpec table : tables) {
      statements.add("COPY " + qualified(schema, table)
          + " FROM " + literal(root + "/warehouse/" + table.name() + "/")
          + " IAM_ROLE " + literal(iamRole)
          + " FORMAT AS PARQUET");
    }
    for (TableSpec table : tables) {
      statements.add("ANALYZE " + qualified(schema, table));
    }
    for (TableSpec table : tables) {
      if (VACUUMED.contains(table.name())) {
        statements.add("VACUUM SORT ONLY " + qualified(schema, table));
      }
    }
    return new RedshiftLoadPlan(List.copyOf(statements), tables.stream().map(TableSpec::name).toList());
  }

  static String createTable(String schema, TableSpec table, Set<String> available) {
    List<String> lines = new ArrayList<>();
    for (ColumnSpec column : table.columns()) {
      lines.add("  " + column.name() + " " + column.sqlType() + (column.notNull() ? " NOT NULL" : ""));
    }
    lines.add("  PRIMARY KEY (" + String.join(", ", table.primaryKey()) + ")");
    if (table.name().equals("orders") && available.contains("customers")) {
      lines.add("  FOREIGN KEY (customer_id) REFERENCES " + schema + ".customers (customer_id)");
    }
    return "CREATE TABLE " + qualified(schema, table) + " (\n"
        + lines.stream().collect(Collectors.joining(",\n")) + "\n) "
        + TABLE_ATTRIBUTES.get(table.name());
  }

  private static String qualified(String schema, TableSpec table) {
    return schema + "." + table.name();
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String trimSlashes(String path) {
    String trimmed = path == null ? "" : path.replaceAll("/+$", "");
    return trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }
}
