package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * S06 Time-travel queries: writes the orders into an Apache Iceberg table (a Hadoop catalog in the
 * scratch folder) in versions (one seeded hash slice per append, then a row-level DELETE of the
 * cancelled orders), then asks {@code queries} questions as of earlier snapshots, alternating
 * {@code VERSION AS OF <snapshot id>} and {@code TIMESTAMP AS OF <commit time>}, and checks every
 * answer against the source rows aggregated by slice and status.
 */
public final class S06TimeTravel implements Scenario {

  static final String DELETED_STATUS = "cancelled";

  /** One committed version: its snapshot, commit time and the bytes of its data files. */
  record Snapshot(int version, long id, long committedAtMillis, long dataBytes) {}

  @Override
  public String id() {
    return "S06";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) throws Exception {
    int versions = context.parameters().intValue("versions");
    int queries = context.parameters().intValue("queries");
    int appends = versions - 1;
    SparkSession spark = context.spark();
    long seed = context.manifest().parameters().seed();
    String catalog = "s06_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    spark.conf().set("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog");
    spark.conf().set("spark.sql.catalog." + catalog + ".type", "hadoop");
    spark.conf().set("spark.sql.catalog." + catalog + ".warehouse", new Path(context.scratch(), "iceberg").toString());
    String table = catalog + ".s06.orders";
    try {
      Dataset<Row> orders = context.table("orders")
          .select("order_id", "customer_id", "order_timestamp", "order_amount", "status")
          .withColumn("slice", pmod(xxhash64(col("order_id"), lit(seed)), lit(appends)).cast("int"));
      S06Expectations expected = expectations(orders, appends);
      long orderBytes = context.tableBytes("orders");
      outcome.addBytes(orderBytes);

      spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog + ".s06");
      spark.sql("CREATE TABLE " + table + " (order_id string, customer_id string, order_timestamp timestamp,"
          + " order_amount decimal(24,2), status string) USING iceberg");
      for (int s = 0; s < appends; s++) {
        orders.where(col("slice").equalTo(s)).drop("slice").writeTo(table).append();
        outcome.addBytes(orderBytes).addRecords(expected.total(s + 1).rows() - expected.total(s).rows());
      }
      spark.sql("DELETE FROM " + table + " WHERE status = '" + DELETED_STATUS + "'");
      List<Snapshot> snapshots = snapshots(spark, table);
      if (snapshots.size() != versions) {
        throw new IllegalStateException("expected " + versions + " snapshots of " + table + ", found " + snapshots.size());
      }
      query(spark, table, snapshots, expected, queries, outcome);
      outcome.detail("snapshots", snapshots.size())
          .detail("rowsPerVersion", snapshots.stream().map(s -> expected.total(s.version()).rows()).toList())
          .detail("deletedStatus", DELETED_STATUS)
          .detail("tableFormat", "iceberg");
    } finally {
      spark.conf().unset("spark.sql.catalog." + catalog);
    }
  }

  private static S06Expectations expectations(Dataset<Row> orders, int appends) {
    S06Expectations expected = new S06Expectations(appends, DELETED_STATUS);
    for (Row r : orders.groupBy("slice", "status").agg(count(lit(1)), sum("order_amount")).collectAsList()) {
      expected.add(r.getInt(0), r.getString(1), r.getLong(2), r.getDecimal(3));
    }
    return expected;
  }

  private static List<Snapshot> snapshots(SparkSession spark, String table) {
    List<Snapshot> snapshots = new ArrayList<>();
    List<Row> rows = spark.sql("SELECT snapshot_id, committed_at, summary['total-files-size'] FROM " + table
        + ".snapshots ORDER BY committed_at, snapshot_id").collectAsList();
    for (Row r : rows) {
      snapshots.add(new Snapshot(snapshots.size() + 1, r.getLong(0), r.getTimestamp(1).getTime(),
          r.isNullAt(2) ? 0 : Long.parseLong(r.getString(2))));
    }
    return snapshots;
  }

  private static void query(SparkSession spark, String table, List<Snapshot> snapshots, S06Expectations expected, int queries,
      ScenarioOutcome outcome) {
    int correct = 0;
    Map<String, Integer> byMode = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      Snapshot snapshot = snapshots.get(q % snapshots.size());
      boolean byTimestamp = (q / snapshots.size()) % 2 == 1;
      String asOf = byTimestamp ? "TIMESTAMP AS OF timestamp_millis(" + snapshot.committedAtMillis() + ")"
          : "VERSION AS OF " + snapshot.id();
      String sql = "SELECT status, COUNT(*), SUM(order_amount) FROM " + table + " " + asOf + " GROUP BY status";
      long start = System.nanoTime();
      List<Row> rows = spark.sql(sql).collectAsList();
      outcome.latency((System.nanoTime() - start) / 1e6);
      Map<String, S06Expectations.Totals> answer = new TreeMap<>();
      rows.forEach(r -> answer.put(r.getString(0), new S06Expectations.Totals(r.getLong(1), r.getDecimal(2))));
      Map<String, S06Expectations.Totals> want = expected.byStatus(snapshot.version());
      boolean equal = sameTotals(answer, want);
      correct += equal ? 1 : 0;
      if (!equal && wrong.size() < 5) {
        wrong.add("version " + snapshot.version() + " (" + asOf + "): got " + answer + ", expected " + want);
      }
      byMode.merge(byTimestamp ? "timestampAsOf" : "versionAsOf", 1, Integer::sum);
      outcome.addRecords(expected.total(snapshot.version()).rows()).addBytes(snapshot.dataBytes());
    }
    outcome.measured("correctness", (double) correct / queries)
        .detail("queriesByMode", byMode)
        .detail("wrongAnswers", wrong);
  }

  static boolean sameTotals(Map<String, S06Expectations.Totals> answer, Map<String, S06Expectations.Totals> want) {
    if (!answer.keySet().equals(want.keySet())) {
      return false;
    }
    Map<String, Boolean> equal = new LinkedHashMap<>();
    want.forEach((status, t) -> equal.put(status, t.rows() == answer.get(status).rows()
        && t.revenue().compareTo(answer.get(status).revenue()) == 0));
    return !equal.containsValue(false);
  }
}
