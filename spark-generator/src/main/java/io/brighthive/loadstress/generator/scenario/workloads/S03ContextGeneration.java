package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.brighthive.loadstress.generator.data.TimeWindow;
import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * S03 Warehouse context generation: gathers each catalogued table's schema, version history,
 * usage (from the query logs) and references (key columns that name another table's entity in the
 * same source system), renders one context document per table from a template, and writes the
 * documents and the relationship map to scratch. Each document must carry every section, and its
 * facts must agree with the catalog and the planted zombie tables.
 */
public final class S03ContextGeneration implements Scenario {

  /** Key columns of the generated catalog and the entity they point at. */
  static final Map<String, String> REFERENCES = Map.of("account_id", "accounts", "owner_id", "employees");
  static final int STALE_AFTER_DAYS = 90;

  @Override
  public String id() {
    return "S03";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    int limit = context.parameters().intValue("tables");
    long start = System.nanoTime();
    List<Row> tables = context.table("catalog_tables").orderBy("table_id").limit(limit).collectAsList();
    int maxId = tables.isEmpty() ? 0 : tables.get(tables.size() - 1).getInt(tables.get(0).fieldIndex("table_id"));
    List<Row> columns = context.table("catalog_columns").where(col("table_id").leq(maxId))
        .select("table_id", "version", "ordinal", "column_name", "data_type", "is_nullable").collectAsList();
    List<Row> usage = context.table("query_logs").where(col("table_id").leq(maxId)).groupBy("table_id", "query_type")
        .agg(count(lit(1)), max("query_time"), collect_set("user_name")).collectAsList();
    List<Row> zombies = context.groundTruth("zombie_tables").select("table_id", "zombie_kind").collectAsList();
    outcome.addRecords(context.manifest().table("catalog_tables").rows() + context.manifest().table("catalog_columns").rows()
        + context.manifest().table("query_logs").rows() + zombies.size());
    outcome.addBytes(context.tableBytes("catalog_tables") + context.tableBytes("catalog_columns") + context.tableBytes("query_logs"));

    List<S03TableFacts> facts = S03FactsAssembly.assemble(tables, columns, usage, REFERENCES);
    Instant asOf = TimeWindow.AS_OF;
    S03DocumentWriter writer = S03DocumentWriter.TEMPLATE;
    List<Row> documents = new ArrayList<>();
    List<Row> edges = new ArrayList<>();
    Map<Integer, String> zombieKinds = new HashMap<>();
    zombies.forEach(z -> zombieKinds.put(z.getInt(0), z.getString(1)));
    int complete = 0;
    int accurate = 0;
    List<String> problems = new ArrayList<>();
    Map<String, Long> statuses = new TreeMap<>();
    for (S03TableFacts table : facts) {
      String document = writer.write(table, asOf, STALE_AFTER_DAYS);
      documents.add(RowFactory.create(table.tableId(), table.tableName(), document));
      table.references().forEach(r -> edges.add(RowFactory.create(table.tableName(), r, "references")));
      List<String> missing = S03ContextDocument.missingSections(document);
      String status = table.usage().status(asOf, STALE_AFTER_DAYS);
      statuses.merge(status, 1L, Long::sum);
      String expected = switch (zombieKinds.getOrDefault(table.tableId(), "")) {
        case "never_accessed" -> "never queried";
        case "stale" -> "stale";
        default -> "active";
      };
      boolean right = table.columns().size() == table.columnCount() && table.columnsPerVersion().size() == table.currentVersion()
          && status.equals(expected);
      complete += missing.isEmpty() ? 1 : 0;
      accurate += right ? 1 : 0;
      if ((!missing.isEmpty() || !right) && problems.size() < 10) {
        problems.add(table.tableName() + ": missing " + missing + ", " + table.columns().size() + " of " + table.columnCount()
            + " columns, " + table.columnsPerVersion().size() + " of " + table.currentVersion() + " versions, usage " + status
            + " (expected " + expected + ")");
      }
    }
    write(context, "documents", documents, new StructType().add("table_id", DataTypes.IntegerType)
        .add("table_name", DataTypes.StringType).add("document", DataTypes.StringType));
    write(context, "relationships", edges, new StructType().add("from_table", DataTypes.StringType)
        .add("to_table", DataTypes.StringType).add("kind", DataTypes.StringType));
    double millis = (System.nanoTime() - start) / 1e6;

    int n = facts.size();
    outcome.measured("completeness", n == 0 ? 0 : (double) complete / n)
        .measured("accuracy", n == 0 ? 0 : (double) accurate / n)
        .measured("msPerTable", n == 0 ? Double.NaN : millis / n)
        .detail("tables", n)
        .detail("documentsComplete", complete)
        .detail("documentsAccurate", accurate)
        .detail("relationships", edges.size())
        .detail("usageStatus", statuses)
        .detail("documentChars", documents.stream().mapToLong(d -> d.getString(2).length()).sum())
        .detail("problems", problems)
        .detail("example", documents.isEmpty() ? "" : documents.get(0).getString(2));
  }

  private static void write(ScenarioContext context, String name, List<Row> rows, StructType schema) {
    context.spark().createDataFrame(rows, schema).coalesce(1).write().parquet(new Path(context.scratch(), name).toString());
  }
}
