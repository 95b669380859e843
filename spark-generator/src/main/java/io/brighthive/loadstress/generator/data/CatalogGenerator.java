package io.brighthive.loadstress.generator.data;

import io.brighthive.loadstress.generator.data.CatalogPlan.CatalogColumn;
import io.brighthive.loadstress.generator.data.CatalogPlan.CatalogTable;
import io.brighthive.loadstress.generator.data.CatalogPlan.SchemaChange;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A data catalogue: tables with versioned schemas, and the planted schema changes as ground truth. */
public final class CatalogGenerator implements DatasetGenerator {

  @Override
  public List<Output> outputs(GenerationContext context) {
    CatalogPlan plan = plan(context);
    return List.of(
        Output.table("catalog_tables", () -> tables(context, plan)),
        Output.table("catalog_columns", () -> columns(context, plan)),
        Output.groundTruth("schema_changes", () -> changes(context, plan)));
  }

  static CatalogPlan plan(GenerationContext context) {
    return CatalogPlan.generate(context.random().seed(),
        context.sizes().catalogTables(), context.sizes().sourceSystems());
  }

  private static Dataset<Row> tables(GenerationContext context, CatalogPlan plan) {
    StructType schema = new StructType()
        .add("table_id", DataTypes.IntegerType, false)
        .add("table_name", DataTypes.StringType, false)
        .add("source_system", DataTypes.StringType, false)
        .add("owner_team", DataTypes.StringType, false)
        .add("created_at", DataTypes.DateType, false)
        .add("current_version", DataTypes.IntegerType, false)
        .add("column_count", DataTypes.IntegerType, false);
    List<Row> rows = plan.tables().stream()
        .map(t -> RowFactory.create(t.tableId(), t.tableName(), t.sourceSystem(), t.ownerTeam(),
            Date.valueOf(t.createdAt()), t.currentVersion(), t.versions().get(t.currentVersion() - 1).size()))
        .toList();
    return context.fromDriver(rows, schema);
  }

  private static Dataset<Row> columns(GenerationContext context, CatalogPlan plan) {
    StructType schema = new StructType()
        .add("table_id", DataTypes.IntegerType, false)
        .add("table_name", DataTypes.StringType, false)
        .add("version", DataTypes.IntegerType, false)
        .add("ordinal", DataTypes.IntegerType, false)
        .add("column_name", DataTypes.StringType, false)
        .add("data_type", DataTypes.StringType, false)
        .add("is_nullable", DataTypes.BooleanType, false);
    List<Row> rows = new ArrayList<>();
    for (CatalogTable table : plan.tables()) {
      for (int v = 0; v < table.versions().size(); v++) {
        List<CatalogColumn> columns = table.versions().get(v);
        for (int i = 0; i < columns.size(); i++) {
          CatalogColumn c = columns.get(i);
          rows.add(RowFactory.create(table.tableId(), table.tableName(), v + 1, i + 1, c.name(), c.type(), c.nullable()));
        }
      }
    }
    return context.fromDriver(rows, schema);
  }

  private static Dataset<Row> changes(GenerationContext context, CatalogPlan plan) {
    StructType schema = new StructType()
        .add("table_id", DataTypes.IntegerType, false)
        .add("table_name", DataTypes.StringType, false)
        .add("source_system", DataTypes.StringType, false)
        .add("from_version", DataTypes.IntegerType, false)
        .add("to_version", DataTypes.IntegerType, false)
        .add("change_type", DataTypes.StringType, false)
        .add("column_name", DataTypes.StringType, false)
        .add("new_column_name", DataTypes.StringType, true)
        .add("old_type", DataTypes.StringType, true)
        .add("new_type", DataTypes.StringType, true);
    List<Row> rows = new ArrayList<>();
    for (CatalogTable table : plan.tables()) {
      for (SchemaChange c : table.changes()) {
        rows.add(RowFactory.create(table.tableId(), table.tableName(), table.sourceSystem(),
            c.fromVersion(), c.toVersion(), c.changeType(), c.columnName(), c.newColumnName(),
            c.oldType(), c.newType()));
      }
    }
    return context.fromDriver(rows, schema);
  }
}
