package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores one table in one aggregation pass (completeness and approximate distinctness of every
 * column, validity of each rule, the newest timestamp, and orphans through a broadcast lookup of
 * each parent's keys) and one pass over the key for duplicates ({@link S05KeyCheck}).
 */
final class S05TableScorer {

  /** Rows per table whose values feed the distinctness estimate. */
  static final long DISTINCT_SAMPLE = 100_000;
  private static final long SAMPLE_SEED = 5;

  /** distinctRatio: distinct values per non-null value, estimated on a sample of about {@link #DISTINCT_SAMPLE} rows. */
  record ColumnScore(double completeness, double distinctRatio, Double validity) {}

  record TableScore(String table, long rows, double completeness, double uniqueness, double validity, double referentialIntegrity,
      Double freshnessAgeDays, Double freshness, Map<String, ColumnScore> columns, List<S05Finding> findings, int passes,
      long millis) {

    double overall() {
      double sum = completeness + uniqueness + validity + referentialIntegrity + (freshness == null ? 0 : freshness);
      return sum / (freshness == null ? 4 : 5);
    }
  }

  private S05TableScorer() {}

  static TableScore score(Dataset<Row> table, long expectedRows, S05QualityRules rules, Function<String, Dataset<Row>> tables,
      Instant asOf, double freshnessDays) {
    double sampleFraction = Math.min(1.0, (double) DISTINCT_SAMPLE / Math.max(1, expectedRows));
    long start = System.nanoTime();
    String[] columns = table.columns();
    List<Column> aggregates = new ArrayList<>();
    // Distinctness per column is estimated on a sample: hashing every value into HyperLogLog costs more than the
    // rest of the scan. Keys are checked exactly, on every row, by S05KeyCheck.
    Column sampled = col("__sampled");
    for (int i = 0; i < columns.length; i++) {
      aggregates.add(count(col(columns[i])).as("n" + i));
      aggregates.add(count(when(sampled, col(columns[i]))).as("sn" + i));
      aggregates.add(approx_count_distinct(when(sampled, col(columns[i]))).as("d" + i));
    }
    List<String> ruled = new ArrayList<>(rules.validity().keySet());
    ruled.sort(null);
    for (int r = 0; r < ruled.size(); r++) {
      Column value = col(ruled.get(r));
      aggregates.add(sum(when(value.isNotNull().and(not(expr(rules.validity().get(ruled.get(r))))), 1L).otherwise(0L)).as("bad" + r));
    }
    if (rules.freshnessColumn() != null) {
      Column time = col(rules.freshnessColumn()).cast("timestamp");
      aggregates.add(max(when(time.leq(lit(Timestamp.from(asOf))), time)).as("latest"));
    }
    // Foreign keys ride along in the same scan: a broadcast lookup of the parent's keys per foreign key.
    Dataset<Row> scanned = table.withColumn("__sampled", rand(SAMPLE_SEED).lt(sampleFraction));
    List<S05QualityRules.ForeignKey> checked = new ArrayList<>();
    for (S05QualityRules.ForeignKey fk : rules.foreignKeys()) {
      Dataset<Row> parent = tables.apply(fk.parentTable());
      if (parent == null) {
        continue;
      }
      int f = checked.size();
      Dataset<Row> keys = parent.select(col(fk.parentColumn()).as("pk" + f)).distinct().withColumn("hit" + f, lit(true));
      scanned = scanned.join(broadcast(keys), col(fk.column()).equalTo(col("pk" + f)), "left_outer");
      aggregates.add(count(col(fk.column())).as("fkrows" + f));
      aggregates.add(sum(when(col(fk.column()).isNotNull().and(col("hit" + f).isNull()), 1L).otherwise(0L)).as("orphans" + f));
      checked.add(fk);
    }
    Row stats = scanned.agg(count(lit(1)).as("rows"), aggregates.toArray(Column[]::new)).first();
    long rows = stats.getLong(0);
    List<S05Finding> findings = new ArrayList<>();
    Map<String, ColumnScore> columnScores = new LinkedHashMap<>();
    double completeness = 0;
    for (int i = 0; i < columns.length; i++) {
      long nonNull = stats.getLong(stats.fieldIndex("n" + i));
      int rule = ruled.indexOf(columns[i]);
      Double validity = null;
      if (rule >= 0) {
        long bad = stats.getLong(stats.fieldIndex("bad" + rule));
        validity = nonNull == 0 ? 1.0 : 1.0 - (double) bad / nonNull;
        if (bad > 0) {
          findings.add(new S05Finding(rules.table(), columns[i], "invalid", bad));
        }
      }
      if (rules.required().contains(columns[i]) && nonNull < rows) {
        findings.add(new S05Finding(rules.table(), columns[i], "missing", rows - nonNull));
      }
      double filled = rows == 0 ? 1.0 : (double) nonNull / rows;
      completeness += filled / columns.length;
      columnScores.put(columns[i], new ColumnScore(round(filled),
          round(distinctRatio(stats.getLong(stats.fieldIndex("d" + i)), stats.getLong(stats.fieldIndex("sn" + i)))),
          validity == null ? null : round(validity)));
    }
    double validity = columnScores.values().stream().filter(c -> c.validity() != null).mapToDouble(ColumnScore::validity)
        .average().orElse(1.0);
    long childRows = 0;
    long orphans = 0;
    for (int f = 0; f < checked.size(); f++) {
      long orphaned = stats.getLong(stats.fieldIndex("orphans" + f));
      childRows += stats.getLong(stats.fieldIndex("fkrows" + f));
      orphans += orphaned;
      if (orphaned > 0) {
        findings.add(new S05Finding(rules.table(), checked.get(f).column(), "orphan", orphaned));
      }
    }
    int passes = 1;
    double uniqueness = 1.0;
    if (!rules.key().isEmpty()) {
      S05KeyCheck.Result keys = S05KeyCheck.run(table, rules.key());
      uniqueness = keys.rows() == 0 ? 1.0 : 1.0 - (double) keys.duplicates() / keys.rows();
      if (keys.duplicates() > 0) {
        findings.add(new S05Finding(rules.table(), String.join("+", rules.key()), "duplicate", keys.duplicates()));
      }
      passes += keys.passes();
    }
    Double age = null;
    Double freshness = null;
    if (rules.freshnessColumn() != null && !stats.isNullAt(stats.fieldIndex("latest"))) {
      Instant latest = stats.getTimestamp(stats.fieldIndex("latest")).toInstant();
      age = Duration.between(latest, asOf).toSeconds() / 86_400.0;
      freshness = age <= freshnessDays ? 1.0 : freshnessDays / age;
    }
    return new TableScore(rules.table(), rows, round(completeness), round(uniqueness), round(validity),
        round(childRows == 0 ? 1.0 : 1.0 - (double) orphans / childRows), age == null ? null : round(age),
        freshness == null ? null : round(freshness), columnScores, findings, passes,
        (System.nanoTime() - start) / 1_000_000);
  }

  private static double distinctRatio(long distinct, long sampledNonNull) {
    return sampledNonNull == 0 ? 0 : Math.min(1.0, (double) distinct / sampledNonNull);
  }

  static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}
