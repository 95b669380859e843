package io.brighthive.loadstress.generator.data;

import static io.brighthive.loadstress.generator.data.HashRandom.bits;
import static io.brighthive.loadstress.generator.data.HashRandom.pick;
import static io.brighthive.loadstress.generator.data.HashRandom.unit;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.when;

import io.brighthive.loadstress.generator.data.CatalogPlan.CatalogTable;
import io.brighthive.loadstress.generator.data.CatalogPlan.Usage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Warehouse query logs over the catalogued tables. Active tables are all queried in the last 30
 * days; planted zombies are never queried or only 200-600 days before {@link TimeWindow#AS_OF}.
 */
public final class QueryLogsGenerator implements DatasetGenerator {

  public static final int RECENT_DAYS = 30;
  private static final int STREAM = 701;
  private static final long SALT = 0x71756572_79212121L;
  private static final long DAY_MICROS = 24L * 3600 * 1_000_000;
  private static final String[] USERS = {
    "analyst_01", "analyst_02", "analyst_03", "bi_service", "etl_service", "brightagent",
    "data_scientist_01", "data_scientist_02", "finance_reporting", "ops_dashboard"
  };
  private static final String[] QUERY_TYPES = {
    "SELECT", "SELECT", "SELECT", "SELECT", "SELECT", "SELECT", "SELECT", "INSERT", "UPDATE", "MERGE"
  };

  private static final StructType SCHEMA = new StructType()
      .add("query_id", DataTypes.LongType, false)
      .add("query_time", DataTypes.TimestampType, false)
      .add("user_name", DataTypes.StringType, false)
      .add("table_id", DataTypes.IntegerType, false)
      .add("table_name", DataTypes.StringType, false)
      .add("query_type", DataTypes.StringType, false)
      .add("duration_ms", DataTypes.LongType, false)
      .add("rows_scanned", DataTypes.LongType, false)
      .add("query_text", DataTypes.StringType, false);

  @Override
  public List<Output> outputs(GenerationContext context) {
    CatalogPlan plan = CatalogGenerator.plan(context);
    List<Row> staleQueries = staleQueries(context, plan);
    return List.of(
        Output.table("query_logs", () -> recentQueries(context, plan)
            .unionByName(context.fromDriver(staleQueries, SCHEMA))),
        Output.groundTruth("zombie_tables", () -> zombies(context, plan, staleQueries)));
  }

  private static Dataset<Row> recentQueries(GenerationContext context, CatalogPlan plan) {
    List<CatalogTable> active = plan.withUsage(Usage.ACTIVE);
    long rows = context.sizes().queryLogs();
    Column id = col("id");
    Dataset<Row> hashed = context.range(rows).select(id, context.random().hash(id, STREAM).as("h"));
    Column h = col("h");
    Column u = unit(h);
    // The first |active| queries visit every active table once, so none of them looks unused.
    Column slot = when(id.lt(active.size()), id)
        .otherwise(floor(u.multiply(u).multiply(active.size()))).cast("int").plus(1);
    Column tableId = element_at(array(active.stream().map(t -> lit(t.tableId())).toArray(Column[]::new)), slot);
    Column tableName = element_at(array(active.stream().map(t -> lit(t.tableName())).toArray(Column[]::new)), slot);
    long start = TimeWindow.FACTS_END * 1_000_000 - RECENT_DAYS * DAY_MICROS;
    Column micros = floor(id.cast("double").plus(0.5).multiply((double) RECENT_DAYS * DAY_MICROS / rows)).plus(start);
    Column type = pick(bits(h, 0, 8), QUERY_TYPES);
    return hashed.select(
        id.as("query_id"),
        timestamp_micros(micros).as("query_time"),
        pick(bits(h, 8, 8), USERS).as("user_name"),
        tableId.as("table_id"),
        tableName.as("table_name"),
        type.as("query_type"),
        floor(exp(unit(h).multiply(Math.log(600_000)))).cast("long").as("duration_ms"),
        bits(h, 16, 24).as("rows_scanned"),
        when(type.equalTo("SELECT"), concat(lit("SELECT * FROM "), tableName, lit(" WHERE id > "), bits(h, 40, 16).cast("string")))
            .otherwise(concat(type, lit(" "), tableName, lit(" ..."))).as("query_text"));
  }

  /** One to three queries per stale table, 200 to 600 days before AS_OF, numbered after the recent ones. */
  private static List<Row> staleQueries(GenerationContext context, CatalogPlan plan) {
    SplittableRandom random = new SplittableRandom(context.random().seed() ^ SALT);
    long nextId = context.sizes().queryLogs();
    List<Row> rows = new ArrayList<>();
    for (CatalogTable table : plan.withUsage(Usage.STALE)) {
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        long micros = TimeWindow.FACTS_END * 1_000_000 - (200 + random.nextInt(400)) * DAY_MICROS
            - random.nextLong(DAY_MICROS);
        rows.add(RowFactory.create(nextId++, timestamp(micros), USERS[random.nextInt(USERS.length)],
            table.tableId(), table.tableName(), "SELECT", 100L + random.nextInt(60_000),
            (long) random.nextInt(1 << 20), "SELECT * FROM " + table.tableName()));
      }
    }
    return rows;
  }

  private static Dataset<Row> zombies(GenerationContext context, CatalogPlan plan, List<Row> staleQueries) {
    StructType schema = new StructType()
        .add("table_id", DataTypes.IntegerType, false)
        .add("table_name", DataTypes.StringType, false)
        .add("zombie_kind", DataTypes.StringType, false)
        .add("last_access_time", DataTypes.TimestampType, true)
        .add("as_of", DataTypes.TimestampType, false);
    Timestamp asOf = Timestamp.from(TimeWindow.AS_OF);
    List<Row> rows = new ArrayList<>();
    for (CatalogTable table : plan.tables()) {
      if (table.usage() == Usage.ACTIVE) {
        continue;
      }
      Timestamp last = staleQueries.stream()
          .filter(r -> r.getInt(3) == table.tableId())
          .map(r -> r.getTimestamp(1))
          .max(Timestamp::compareTo)
          .orElse(null);
      String kind = table.usage() == Usage.STALE ? "stale" : "never_accessed";
      rows.add(RowFactory.create(table.tableId(), table.tableName(), kind, last, asOf));
    }
    return context.fromDriver(rows, schema);
  }

  private static Timestamp timestamp(long epochMicros) {
    return Timestamp.from(Instant.EPOCH.plusNanos(epochMicros * 1_000));
  }
}
