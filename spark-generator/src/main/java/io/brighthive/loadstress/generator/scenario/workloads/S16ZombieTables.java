package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.brighthive.loadstress.generator.data.TimeWindow;
import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * S16 Zombie-table detection: every catalogued table whose last query in the query logs is older
 * than {@code staleAfterDays} before the generated world's "now" (or that was never queried) is
 * flagged, the storage it holds is summed from the catalog's storage statistics, and the flags are
 * scored against the planted zombies.
 */
public final class S16ZombieTables implements Scenario {

  @Override
  public String id() {
    return "S16";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    int staleAfterDays = context.parameters().intValue("staleAfterDays");
    Instant asOf = TimeWindow.AS_OF;
    Timestamp cutoff = Timestamp.from(asOf.minus(Duration.ofDays(staleAfterDays)));

    Dataset<Row> catalog = context.table("catalog_tables");
    Dataset<Row> logs = context.table("query_logs");
    Dataset<Row> storage = S16TableStorage.plant(context, catalog);

    Dataset<Row> lastAccess = logs.groupBy("table_id")
        .agg(max("query_time").as("last_access_time"), count(lit(1)).as("queries"));
    List<Row> flagged = catalog.join(lastAccess, catalog.col("table_id").equalTo(lastAccess.col("table_id")), "left")
        .where(col("last_access_time").isNull().or(col("last_access_time").lt(lit(cutoff))))
        .join(storage, "table_name")
        .select(catalog.col("table_id"), col("table_name"), col("last_access_time"), col("storage_bytes"))
        .orderBy(catalog.col("table_id"))
        .collectAsList();

    Map<Integer, String> planted = new HashMap<>();
    for (Row row : context.groundTruth("zombie_tables").select("table_id", "zombie_kind").collectAsList()) {
      planted.put(row.getInt(0), row.getString(1));
    }
    Set<Integer> flaggedIds = new HashSet<>();
    long savedBytes = 0;
    for (Row row : flagged) {
      flaggedIds.add(row.getInt(0));
      savedBytes += row.getLong(3);
    }
    S16Score score = S16Score.of(flaggedIds, planted);
    long plantedBytes = storage.join(context.groundTruth("zombie_tables").select("table_name"), "table_name")
        .agg(org.apache.spark.sql.functions.sum("storage_bytes")).first().getLong(0);

    long catalogRows = catalog.count();
    long logRows = logs.count();
    outcome.addRecords(catalogRows + logRows)
        .addBytes(context.tableBytes("catalog_tables") + context.tableBytes("query_logs"));
    outcome.measured("precision", score.precision()).measured("recall", score.recall());

    Map<String, Object> examples = new LinkedHashMap<>();
    flagged.stream().limit(5).forEach(r -> examples.put(r.getString(1),
        r.isNullAt(2) ? "never queried" : "last queried " + r.getTimestamp(2).toInstant()));
    outcome.detail("asOf", asOf.toString())
        .detail("staleAfterDays", staleAfterDays)
        .detail("catalogTables", catalogRows)
        .detail("queryLogRows", logRows)
        .detail("flagged", flaggedIds.size())
        .detail("planted", planted.size())
        .detail("truePositives", score.truePositives())
        .detail("falsePositives", score.falsePositives())
        .detail("falseNegatives", score.falseNegatives())
        .detail("recallByKind", score.recallByKind())
        .detail("storageSavedBytes", savedBytes)
        .detail("storageSavedGiB", savedBytes / (double) (1L << 30))
        .detail("plantedZombieStorageBytes", plantedBytes)
        .detail("storageEstimateError", plantedBytes == 0 ? 0.0 : Math.abs(savedBytes - plantedBytes) / (double) plantedBytes)
        .detail("monthlySavingsUsd", savedBytes / 1e9 * S16TableStorage.S3_STANDARD_USD_PER_GB_MONTH)
        .detail("storageAssumption", "The generated catalog has no sizes: the scenario plants per-table storage statistics"
            + " (log-uniform 1 MiB to 64 GiB, seeded from the manifest's seed) and prices them at S3 Standard, $"
            + S16TableStorage.S3_STANDARD_USD_PER_GB_MONTH + " per GB-month")
        .detail("examples", examples);
  }
}
